import { performance } from 'node:perf_hooks';
import { extractDocument } from '../src/ingest/extract';
import { buildGazetteer } from '../src/ingest/gazetteer';
import { readDocument } from '../src/ingest/read-document';
import { memoryStore } from '../src/open-store';
import { loadSeedDirectory } from '../src/seed/read-seed';
import { seedStore } from '../src/seed/seed-store';

/**
 * `npm run bench:ingest`: extraction speed (issue 11, item 7). One ~3,000-character document
 * after warm-up (target < 100 ms), then 1,000 generated variants read and extracted one after
 * another as `--dir` does (target < 60 s), against the seed graph's gazetteer.
 */
const PEOPLE = ['Aliya Nurmagambetova', 'Yerlan Karin', 'Dania Espayeva', 'Marat Utegenov', 'Gulnar Abenova', 'Askar Bekbolatov'];
const HOSTS = ['The Ministry of Justice of the Republic of Kazakhstan', 'The National Centre for Human Rights', 'The United Nations Development Programme', 'The General Prosecutor\'s Office'];
const EVENTS = ['round table on the rights of detainees', 'seminar on freedom of assembly', 'conference on access to justice', 'workshop on torture prevention'];

function documentText(n: number): string {
  const p = (k: number): string => PEOPLE[(n + k) % PEOPLE.length]!;
  const paragraphs = [
    `Astana, ${1 + (n % 28)} March 2024`,
    `${HOSTS[n % HOSTS.length]} hosted a ${EVENTS[n % EVENTS.length]}, chaired by Deputy Minister of Foreign Affairs Roman Vassilenko.`,
    `The event was attended by representatives of the General Prosecutor's Office, the Ministry of Internal Affairs, the Office of the United Nations High Commissioner for Human Rights and relevant ministries.`,
    `In his opening remarks, Mr. Vassilenko noted the progress made in implementing the recommendations of the UN Committee against Torture and stressed the role of civil society in the reform of the penitentiary system.`,
    `${p(1)}, Head of the Legal Policy Research Centre, presented the results of monitoring visits to places of detention in ${2020 + (n % 5)}.`,
    `${p(2)}, Director of the Kazakhstan International Bureau for Human Rights, called for wider public discussion of the draft law on public councils, which had been prepared on the instruction of President Kassym-Jomart Tokayev.`,
    `Deputy Minister of Health ${p(3)} noted measures to improve medical care for persons in custody and said that a new standard would be adopted this year.`,
    `Saltanat Tursynbekova, the Head of the National Center for Human Rights, highlighted the increase in the maximum criminal penalty for torture and the transfer of investigations to the prosecutor's office.`,
    `The Delegation of the European Union to Kazakhstan and UNDP followed the discussion as observers. The event was organized with the support of the OSCE Programme Office in Astana.`,
    `Participants discussed the implementation of the national human rights action plan, the independence of the Commissioner for Human Rights and the work of the National Preventive Mechanism against Torture.`,
  ];
  let text = paragraphs.join('\n\n');
  while (text.length < 3000) text += `\n\n${p(4)} stated that the recommendations would be sent to the Government for consideration.`;
  return text.slice(0, 3100);
}

async function main(): Promise<void> {
  const started = performance.now();
  const store = memoryStore();
  await seedStore(store, await loadSeedDirectory());
  const gazetteer = await buildGazetteer(store);
  const read = (n: number) => readDocument(new TextEncoder().encode(documentText(n)), { fileName: `doc-${n}.txt` });
  for (let i = 0; i < 5; i++) extractDocument(read(i), gazetteer);
  console.log(`start-up (seed store, gazetteer, model, warm-up): ${(performance.now() - started).toFixed(0)} ms`);

  const times: number[] = [];
  for (let i = 0; i < 20; i++) {
    const t0 = performance.now();
    extractDocument(read(100 + i), gazetteer);
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  console.log(`one ${documentText(100).length}-character document: median ${times[10]!.toFixed(1)} ms, max ${times.at(-1)!.toFixed(1)} ms (target < 100 ms)`);

  const t0 = performance.now();
  let relationships = 0;
  for (let n = 0; n < 1000; n++) relationships += extractDocument(read(n), gazetteer).relationships.length;
  const total = (performance.now() - t0) / 1000;
  console.log(`1,000 documents read and extracted: ${total.toFixed(1)} s, ${relationships} relationships proposed (target < 60 s)`);
  await store.close();
}

void main();
