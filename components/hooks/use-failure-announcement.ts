import { useEffect, useRef, useState } from 'preact/hooks';
import type { FlowReport } from '../../lib/model/analysis';
import { announceNewFailures } from '../view-models/failure-announcement';

/**
 * The latest announcement of newly failing flows (view-models/failure-announcement.ts) and a
 * counter that changes with each one, so a repeated sentence (the same login failing again) is
 * rendered as a new node and read again. Only live capture announces: while `live` is false
 * (connecting, an imported trace, the viewer) nothing is remembered or said.
 */
export function useFailureAnnouncement(flows: readonly FlowReport[], live: boolean): { message: string | null; count: number } {
  const previous = useRef<readonly FlowReport[] | null>(null);
  const [said, setSaid] = useState<{ message: string | null; count: number }>({ message: null, count: 0 });
  useEffect(() => {
    if (!live) return;
    const message = announceNewFailures(previous.current, flows);
    previous.current = flows;
    if (message) setSaid((s) => ({ message, count: s.count + 1 }));
  }, [flows, live]);
  return said;
}
