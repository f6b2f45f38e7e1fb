import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDivisibleBy, IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { MATURITY_RATINGS } from '../maturity';

/** Orders a client may ask for; without `sort`, pages come in the stable catalog order. */
export const BROWSE_SORTS = ['popular', 'newest', 'az'] as const;
export type BrowseSort = (typeof BROWSE_SORTS)[number];

export class CatalogQueryDto {
  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 100, default: 20 })
  @IsOptional()
  @Max(100)
  @Min(1)
  @IsInt()
  @Type(() => Number)
  limit?: number;

  @ApiPropertyOptional({ description: 'The `cursor` of the previous page' })
  @IsOptional()
  @MaxLength(512)
  @IsString()
  cursor?: string;

  @ApiPropertyOptional({ example: 'sci-fi', description: 'Genre name, any case' })
  @IsOptional()
  @MaxLength(50)
  @IsString()
  genre?: string;

  @ApiPropertyOptional({ example: 'cafe', description: 'Words that start words of the name; case and accents do not matter' })
  @IsOptional()
  @MaxLength(100)
  @IsString()
  q?: string;

  @ApiPropertyOptional({
    enum: BROWSE_SORTS,
    description: 'popular: most popular first; newest: latest year first; az: by name. Ties keep catalog order. Not with `q` (search results come closest first)',
  })
  @IsOptional()
  @IsIn(BROWSE_SORTS)
  sort?: BrowseSort;

  @ApiPropertyOptional({ type: 'integer', example: 1990, minimum: 1900, maximum: 2090, multipleOf: 10, description: 'Only titles from this decade (its first year, a multiple of 10)' })
  @IsOptional()
  @IsDivisibleBy(10, { message: '$property must be the first year of a decade, such as 1990' })
  @Max(2090)
  @Min(1900)
  @IsInt()
  @Type(() => Number)
  decade?: number;

  @ApiPropertyOptional({ enum: MATURITY_RATINGS, example: 'PG-13', description: 'Only titles rated at most this (and never above the profile’s own ceiling)' })
  @IsOptional()
  @IsIn(MATURITY_RATINGS)
  maturity?: string;
}
