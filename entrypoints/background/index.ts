import { defineBackground } from 'wxt/utils/define-background';

export default defineBackground(() => {
  // Capture is wired in by the capture issue.
});
