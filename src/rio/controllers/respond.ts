import type { FastifyReply } from 'fastify';

/** Upserts answer 201 when they created the object and 200 when they replaced it. */
export async function upserted<T>(reply: FastifyReply, result: Promise<{ created: boolean; body: T }>): Promise<T> {
  const r = await result;
  reply.status(r.created ? 201 : 200);
  return r.body;
}

export const pathOf = (url: string) => url.split('?')[0];
