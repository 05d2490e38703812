import { MessageChannel } from 'node:worker_threads';

/**
 * Give array buffers' memory back now rather than at V8's next full collection (a store's columns
 * are old objects: a million-trial store's 290 MB could stay resident through everything that
 * follows). The buffers are transferred, so detached (every view on them reads empty from here on),
 * into a message that is never read, and the channel is closed: the queued message is dropped with
 * their memory once the event loop turns. Each buffer must be distinct, not shared and not detached.
 */
export function freeBuffers(buffers: readonly ArrayBuffer[]): void {
  if (buffers.length === 0) return;
  const { port1, port2 } = new MessageChannel();
  port1.postMessage(null, [...buffers]);
  port1.close();
  port2.close();
}
