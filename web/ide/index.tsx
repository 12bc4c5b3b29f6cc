/**
 * The GraphiQL page served at GET /graphql. Bundled by scripts/build-web.mjs into dist/ide so that
 * nothing is fetched from a CDN: the IDE must work offline and behind strict networks.
 */
import { createGraphiQLFetcher } from '@graphiql/toolkit';
import { GraphiQL } from 'graphiql';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import 'graphiql/graphiql.css';
import './index.css';

interface Example {
  title: string;
  query: string;
  variables?: Record<string, unknown>;
}

/** Injected by src/http/ide-page.ts, which owns the endpoint and the examples. */
interface RightsgraphConfig {
  endpoint?: string;
  examples?: ReadonlyArray<Example>;
}

declare global {
  interface Window {
    __RIGHTSGRAPH__?: RightsgraphConfig;
  }
}

const FALLBACK_TABS = [{ query: '{\n  __typename\n}\n' }];

function toTab(example: Example): { query: string; variables?: string } {
  // GraphiQL titles a tab by its operation name; a leading comment keeps the server's title
  // visible in the editor even for anonymous operations.
  const heading = `# ${example.title}`;
  const query = example.query.startsWith(heading) ? example.query : `${heading}\n${example.query}`;
  return example.variables === undefined
    ? { query }
    : { query, variables: JSON.stringify(example.variables, null, 2) };
}

function defaultTabs(config: RightsgraphConfig | undefined): Array<{ query: string; variables?: string }> {
  const examples = config?.examples ?? [];
  return examples.length > 0 ? examples.map(toTab) : FALLBACK_TABS;
}

const config = window.__RIGHTSGRAPH__;
// The page is served at the endpoint itself, so its own path is where operations go; this stays
// right when the API is mounted behind a path prefix the server does not know about.
const fetcher = createGraphiQLFetcher({ url: window.location.pathname });

const container = document.getElementById('graphiql');
if (container === null) throw new Error('GraphiQL: expected an element with id "graphiql" in the page');

createRoot(container).render(
  <StrictMode>
    <GraphiQL
      fetcher={fetcher}
      defaultTabs={defaultTabs(config)}
      isHeadersEditorEnabled
      // Bearer tokens stay in memory, not in localStorage.
      shouldPersistHeaders={false}
    />
  </StrictMode>,
);
