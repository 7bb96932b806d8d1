import '../../lib/model/zod-jitless';
import '../../components/panel.css';
import { render } from 'preact';
import { Catalog } from '../../components/Catalog';
import { checkCatalog } from '../../lib/checks/catalog';

// catalog.html: every check, built from the same definitions as docs/checks.md; works offline.
const root = document.getElementById('app');
if (root) {
  render(<Catalog groups={checkCatalog()} />, root);
  // The entry named in the fragment (a finding card's link) exists only now that it is rendered.
  const show = () => document.getElementById(decodeURIComponent(location.hash.slice(1)))?.scrollIntoView();
  show();
  addEventListener('hashchange', show);
}
