/**
 * One rep console's WebSocket (/ws/rep): a snapshot of the queue, then live changes (queue for everyone, chat lines
 * for the chats this rep holds), and the rep's actions. The session is checked again on every action, so a
 * logout or an expired session stops a socket that is still open.
 */
import type { IncomingMessage } from 'node:http';
import { WebSocket, type RawData } from 'ws';
import type { HandoffDesk } from '../../bot/handoff/desk.js';
import { QUEUE_CHANNEL, repChannel, type Hub, type HubMessage } from '../../bot/handoff/hub.js';
import type { Auth } from '../auth/sessions.js';
import { CLOSE } from '../errors.js';
import { actionError, runAction } from './actions.js';
import { parseRepFrame, type RepServerFrame } from './protocol.js';
import { repSnapshot, repView } from './view.js';

/** What a rep socket needs. */
export interface RepSocketDeps {
  auth: Auth;
  desk: HandoffDesk;
  hub: Hub;
  clock?: () => number;
  log?: (message: string, err?: unknown) => void;
}

function send(ws: WebSocket, frame: RepServerFrame): void {
  if (ws.readyState === WebSocket.OPEN) ws.send(JSON.stringify(frame));
}

/** Serves one rep connection until it closes; the upgrade was already authorised. */
export function handleRepSocket(ws: WebSocket, req: IncomingMessage, deps: RepSocketDeps): void {
  const { auth, desk, hub } = deps;
  const clock = deps.clock ?? Date.now;
  const staff = auth.fromRequest(req, 'rep');
  if (!staff) {
    ws.close(CLOSE.policy, 'unauthorized');
    return;
  }
  const rep = { user: staff.user, name: staff.name };

  function relay(message: HubMessage): void {
    switch (message.type) {
      case 'upsert': return send(ws, { type: 'upsert', item: repView(desk, message.record), now: clock() });
      case 'removed': return send(ws, { type: 'removed', id: message.id });
      case 'line': return send(ws, { type: 'line', id: message.id, line: message.line });
      case 'presence': return send(ws, { type: 'presence', online: message.online });
      default: return undefined;
    }
  }

  // Counted before subscribing: the console learns its own arrival from `hello`, not from a presence event.
  const disconnected = desk.repConnected(rep.user);
  const unsubscribe = [hub.subscribe(QUEUE_CHANNEL, relay), hub.subscribe(repChannel(rep.user), relay)];
  send(ws, { type: 'hello', ...rep, online: desk.repsOnline(), now: clock() });
  send(ws, { type: 'snapshot', items: repSnapshot(desk), now: clock() });

  ws.on('close', function repSocketClosed() {
    for (const off of unsubscribe) off();
    disconnected();
  });

  ws.on('message', function repMessage(data: RawData, isBinary: boolean) {
    if (!auth.fromRequest(req, 'rep')) {
      ws.close(CLOSE.policy, 'session ended');
      return;
    }
    if (isBinary) return send(ws, { type: 'error', code: 'binary_frame', message: 'text frames only' });
    const parsed = parseRepFrame(data.toString());
    if (!parsed.ok) return send(ws, parsed.error);
    const { ref, ...action } = parsed.frame;
    runAction(desk, rep, action).then(
      () => send(ws, { type: 'ack', action: action.type, id: action.id, ...(ref !== undefined ? { ref } : {}) }),
      (err: unknown) => {
        const { code, message, status } = actionError(err);
        if (status >= 500) deps.log?.('rep action failed', err);
        send(ws, { type: 'error', code, message, ...(ref !== undefined ? { ref } : {}) });
      },
    );
  });
}
