package rightsgraph.neo4j;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;

import org.neo4j.cli.ExecutionContext;
import org.neo4j.importer.ImportCommand;
import org.neo4j.io.fs.DefaultFileSystemAbstraction;
import picocli.CommandLine;

/**
 * Neo4j's offline importer ({@code neo4j-admin database import full}) run in-process on a launcher home, so that
 * {@code Launcher --data DIR} serves what it wrote.
 *
 * <pre>
 * java -cp "target/classes:target/lib/*" rightsgraph.neo4j.BulkImport --data DIR [import full options...]
 * </pre>
 *
 * <p>Every argument after {@code --data DIR} goes to the import command as it is ({@code --nodes=...},
 * {@code --relationships=...}, {@code --delimiter=...}); the database is the launcher's, {@code neo4j}. Refuses a
 * DIR that already holds a store, before the importer runs: a bulk import only ever creates a database. Prints
 * {@code BULK IMPORT DONE} on success; a line starting {@code BULK IMPORT FAILED: } on stderr and a non-zero exit
 * code otherwise.
 */
public final class BulkImport {
    private BulkImport() {}

    public static void main(String[] args) {
        if (args.length < 2 || !"--data".equals(args[0])) {
            System.err.println("BULK IMPORT FAILED: usage: BulkImport --data <dir> [neo4j-admin database import full options]");
            System.exit(2);
            return;
        }
        Path home = Path.of(args[1]).toAbsolutePath().normalize();
        try {
            if (holdsFiles(home)) {
                System.err.println("BULK IMPORT FAILED: " + home + " is not empty; a bulk import only creates a new database");
                System.exit(3);
                return;
            }
            Files.createDirectories(home);
        } catch (IOException e) {
            System.err.println("BULK IMPORT FAILED: cannot use " + home + ": " + e);
            System.exit(1);
            return;
        }

        String[] importArgs = Arrays.copyOfRange(args, 2, args.length);
        int code;
        try {
            DefaultFileSystemAbstraction fs = new DefaultFileSystemAbstraction();
            // conf/ need not exist: the launcher configures Neo4j in code, and the importer's defaults match it.
            ExecutionContext context = new ExecutionContext(home, home.resolve("conf"), System.out, System.err, fs);
            code = new CommandLine(new ImportCommand.Full(context)).execute(importArgs);
        } catch (RuntimeException e) {
            System.err.println("BULK IMPORT FAILED: " + e);
            System.exit(1);
            return;
        }
        if (code != 0) {
            System.err.println("BULK IMPORT FAILED: the importer exited with code " + code);
            System.exit(code);
            return;
        }
        System.out.println("BULK IMPORT DONE");
        System.out.flush();
        System.exit(0);
    }

    private static boolean holdsFiles(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return false;
        }
        if (!Files.isDirectory(dir)) {
            throw new IOException("not a directory");
        }
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.findAny().isPresent();
        }
    }
}
