/** The port name the panel (and the popup's commands) connect with; the background ignores ports with other names. */
export const PANEL_PORT_NAME = 'oauth-lens-panel';
