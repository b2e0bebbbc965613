import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { AlsGetal } from '../validation/getal';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

export const MAX_PAGE_SIZE = 100;
/** Highest page number accepted (a 32-bit integer). */
export const MAX_PAGE = 2147483647;

/** Query parameters of every paginated list. */
export class PageQuery {
  /** Page number, starting at 1. */
  @ApiPropertyOptional({ description: 'Page number, starting at 1.', type: 'integer', format: 'int32', minimum: 1, maximum: MAX_PAGE, default: 1 })
  @IsOptional()
  @AlsGetal()
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE)
  page: number = 1;

  /** Items per page, at most 100. */
  @ApiPropertyOptional({ description: 'Items per page, at most 100.', type: 'integer', format: 'int32', minimum: 1, maximum: MAX_PAGE_SIZE, default: 20 })
  @IsOptional()
  @AlsGetal()
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  pageSize: number = 20;
}

export class Link {
  @ApiProperty({ description: 'URL of the linked page or resource.', example: '/rio/v1/onderwijslocaties?page=2&pageSize=20' })
  href: string;
}

export class PageLinks {
  @ApiProperty({ type: Link }) self: Link;
  @ApiProperty({ type: Link }) first: Link;
  @ApiPropertyOptional({ type: Link }) prev?: Link;
  @ApiPropertyOptional({ type: Link }) next?: Link;
  @ApiProperty({ type: Link }) last: Link;
}

export class PageInfo {
  @ApiProperty({ type: 'integer', description: 'This page number.', example: 1 }) number: number;
  @ApiProperty({ type: 'integer', description: 'Items per page.', example: 20 }) size: number;
  @ApiProperty({ type: 'integer', description: 'Items over all pages.', example: 57 }) totalElements: number;
  @ApiProperty({ type: 'integer', description: 'Number of pages.', example: 3 }) totalPages: number;
}

export interface Page<T> {
  items: T[];
  page: PageInfo;
  _links: PageLinks;
}

/** Builds a page with self/first/prev/next/last links that keep the other query parameters. */
export function toPage<T>(items: T[], total: number, q: PageQuery, path: string, query: Record<string, unknown> = {}): Page<T> {
  const totalPages = Math.max(1, Math.ceil(total / q.pageSize));
  const href = (page: number) => {
    const params = new URLSearchParams();
    for (const [k, v] of Object.entries(query)) {
      if (v === undefined || v === null || v === '' || k === 'page' || k === 'pageSize') continue;
      params.set(k, String(v));
    }
    params.set('page', String(page));
    params.set('pageSize', String(q.pageSize));
    return { href: `${path}?${params.toString()}` };
  };
  return {
    items,
    page: { number: q.page, size: q.pageSize, totalElements: total, totalPages },
    _links: {
      self: href(q.page),
      first: href(1),
      ...(q.page > 1 ? { prev: href(Math.min(q.page - 1, totalPages)) } : {}),
      ...(q.page < totalPages ? { next: href(q.page + 1) } : {}),
      last: href(totalPages),
    },
  };
}
