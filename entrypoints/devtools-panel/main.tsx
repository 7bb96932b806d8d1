import { render } from 'preact';

function Placeholder() {
  return <p>OAuth Lens — start a login in this tab.</p>;
}

const root = document.getElementById('app');
if (root) render(<Placeholder />, root);
