import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';

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
}
