import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';

/** `?limit&cursor` of a profile's lists. Without either, the whole list comes in one answer, as before paging. */
export class ListPageQueryDto {
  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 100, description: 'Items per page (1–100); 20 when only `cursor` is given; without `limit` and `cursor`, the whole list' })
  @IsOptional()
  @Max(100)
  @Min(1)
  @IsInt()
  @Type(() => Number)
  limit?: number;

  @ApiPropertyOptional({ description: 'The `cursor` of the previous page of the same list' })
  @IsOptional()
  @MaxLength(512)
  @IsString()
  cursor?: string;
}

export const DEFAULT_LIST_PAGE = 20;

/** Whether the request pages at all: an old client that sends neither gets the whole list. */
export function wantsPage(query: ListPageQueryDto): boolean {
  return query.limit !== undefined || query.cursor !== undefined;
}
