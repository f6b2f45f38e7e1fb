import { ApiProperty } from '@nestjs/swagger';
import { ContinueWatchingItemDto } from './continue-watching-item.dto';

export class ContinueWatchingDto {
  @ApiProperty({ type: [ContinueWatchingItemDto] })
  items: ContinueWatchingItemDto[];
}
