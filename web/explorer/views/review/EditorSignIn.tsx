import { useRef, useState, useSyncExternalStore, type FormEvent } from 'react';
import { editorToken, needsEditor, setEditorToken, subscribeToken, ApiError } from '../../api';
import { ErrorMessage } from '../../Status';

export function useEditorToken(): string | null {
  return useSyncExternalStore(subscribeToken, editorToken);
}

/** Sign-in with an editor token (kept in this tab's sessionStorage only), or sign-out. */
export function EditorSignIn() {
  const token = useEditorToken();
  const [text, setText] = useState('');
  const field = useRef<HTMLInputElement>(null);
  const signOut = useRef<HTMLButtonElement>(null);
  const submit = (event: FormEvent): void => {
    event.preventDefault();
    if (text.trim() === '') {
      field.current?.focus();
      return;
    }
    setEditorToken(text);
    setText('');
    requestAnimationFrame(() => signOut.current?.focus());
  };
  if (token !== null) {
    return (
      <section className="sign-in" aria-label="Editor sign-in">
        <p>Signed in with an editor token (kept in this tab only).</p>
        <button
          ref={signOut}
          type="button"
          onClick={() => {
            setEditorToken(null);
            requestAnimationFrame(() => document.getElementById('editor-token')?.focus());
          }}
        >
          Sign out
        </button>
      </section>
    );
  }
  return (
    <section className="sign-in" aria-label="Editor sign-in">
      <form onSubmit={submit}>
        <label htmlFor="editor-token">Editor token</label>
        <input ref={field} id="editor-token" type="password" autoComplete="off" value={text} onChange={(e) => setText(e.target.value)} />
        <button type="submit">Sign in</button>
      </form>
      <p className="muted">The token is kept in this tab only and sent with each request to this server.</p>
    </section>
  );
}

/** A failure; an unauthenticated or forbidden one asks for an editor token. */
export function ReviewError({ error, retry }: { error: unknown; retry: () => void }) {
  if (needsEditor(error)) {
    const forbidden = error instanceof ApiError && error.code === 'FORBIDDEN';
    return (
      <div className="error" role="alert">
        <p>
          {forbidden
            ? 'This token is not an editor’s: the review queue needs an editor token. Sign out and sign in with one.'
            : 'The review queue is for editors: sign in with an editor token above.'}
        </p>
      </div>
    );
  }
  return <ErrorMessage error={error} retry={retry} />;
}
