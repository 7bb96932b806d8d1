import '../../components/panel.css';
import { render } from 'preact';
import { Welcome } from '../../components/Welcome';

// welcome.html: opened once on install (background) and from the popup's "Getting started".
const root = document.getElementById('app');
if (root) render(<Welcome browserName={import.meta.env.FIREFOX ? 'firefox' : 'chrome'} />, root);
