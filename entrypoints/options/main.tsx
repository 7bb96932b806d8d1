import '../../lib/model/zod-jitless';
import '../../components/panel.css';
import { render } from 'preact';
import { SiteAccessPage } from '../../components/SiteAccessPage';
import { useSiteAccess } from '../../components/hooks/use-site-access';

// options.html: where OAuth Lens may capture (all sites, or only the sites the user allows).
function Options() {
  const { state, actions } = useSiteAccess(location.search);
  return <SiteAccessPage state={state} actions={actions} />;
}

const root = document.getElementById('app');
if (root) render(<Options />, root);
