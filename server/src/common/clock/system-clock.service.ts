import { Injectable } from '@nestjs/common';
import { Clock } from './clock';

@Injectable()
export class SystemClock extends Clock {
  now(): number {
    return Date.now();
  }
}
