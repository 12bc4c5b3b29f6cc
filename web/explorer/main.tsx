/**
 * The rightsgraph explorer, served at GET / by the API itself (src/http/explorer.ts) and bundled
 * offline by scripts/build-web.mjs. It talks only to this server's /graphql.
 */
import { StrictMode, Suspense, lazy } from 'react';
import { createRoot } from 'react-dom/client';
import { Link } from './Link';
import { href, navigate, parseRoute, useUrl, type Route } from './router';
import { Loading } from './Status';
import { EntityPage } from './views/EntityPage';
import { HomePage } from './views/HomePage';
import { NotFoundPage } from './views/NotFoundPage';
import { PathFinder } from './views/PathFinder';
import { IngestionPage } from './views/review/IngestionPage';
import { ReviewPage } from './views/review/ReviewPage';
import { SearchBox } from './views/SearchBox';
import { SourcePage } from './views/SourcePage';
import './styles.css';

// The network view is most of the bytes (the graph library): loaded when first opened.
const NetworkView = lazy(() => import('./views/NetworkView').then((m) => ({ default: m.NetworkView })));

function View({ route }: { route: Route }) {
  switch (route.name) {
    case 'home':
      return <HomePage />;
    case 'entity':
      return <EntityPage key={route.id} id={route.id} params={route.params} />;
    case 'source':
      return <SourcePage key={route.id} id={route.id} params={route.params} />;
    case 'path':
      return <PathFinder params={route.params} />;
    case 'network':
      return (
        <Suspense fallback={<Loading what="the network view" />}>
          <NetworkView key={route.id} id={route.id} params={route.params} />
        </Suspense>
      );
    case 'review':
      return <ReviewPage params={route.params} />;
    case 'ingestion':
      return <IngestionPage key={route.id} id={route.id} />;
    case 'not-found':
      return <NotFoundPage path={route.path} />;
  }
}

function NavLink({ to, current, children }: { to: string; current: boolean; children: string }) {
  return (
    <Link href={to} aria-current={current ? 'page' : undefined}>
      {children}
    </Link>
  );
}

function App() {
  const route = parseRoute(useUrl());
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="site-header">
        <Link href="/" className="brand">
          rightsgraph
        </Link>
        <div role="search" className="site-search">
          <SearchBox
            label="Search"
            hideLabel
            clearOnPick
            autoFocus={route.name === 'home'}
            placeholder="Search people, organizations, events…"
            onPick={(entity) => navigate(href.entity(entity.id))}
          />
        </div>
        <nav aria-label="Main">
          <ul>
            <li>
              <NavLink to="/" current={route.name === 'home'}>
                Home
              </NavLink>
            </li>
            <li>
              <NavLink to="/path" current={route.name === 'path'}>
                Path finder
              </NavLink>
            </li>
            <li>
              <NavLink to="/review" current={route.name === 'review' || route.name === 'ingestion'}>
                Review
              </NavLink>
            </li>
            <li>
              <a href="/graphql">GraphQL IDE</a>
            </li>
          </ul>
        </nav>
      </header>
      <main id="main" tabIndex={-1}>
        <View route={route} />
      </main>
      <footer className="site-footer">
        <p>Every fact in rightsgraph carries its evidence: a source document and a verbatim quote from it.</p>
      </footer>
    </>
  );
}

const container = document.getElementById('app');
if (container === null) throw new Error('explorer: expected an element with id "app" in the page');

createRoot(container).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
