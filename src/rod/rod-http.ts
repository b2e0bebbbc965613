import type { FastifyReply } from 'fastify';

/** Sends a service answer with the status it chose (201 new, 200 update or replay). */
export async function metStatus<T>(reply: FastifyReply, answer: Promise<{ status: number; body: T }>): Promise<T> {
  const a = await answer;
  reply.status(a.status);
  return a.body;
}
