import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import type { OpenAPIObject } from '@nestjs/swagger';
import { AppModule } from './app.module';
import { buildOpenApiDocuments } from './app.setup';
import { loadConfig } from './config/app-config';

/** Generates every register's OpenAPI document without a database (Nest preview mode). */
export async function generateOpenApiDocuments(): Promise<Record<string, OpenAPIObject>> {
  const config = loadConfig({ DATABASE_URL: 'postgres://preview/none', SEED_ON_START: 'false', WORKERS_ENABLED: 'false' });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(config), new FastifyAdapter(), { preview: true, logger: false });
  try {
    return buildOpenApiDocuments(app);
  } finally {
    await app.close();
  }
}
