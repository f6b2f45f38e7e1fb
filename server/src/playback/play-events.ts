import { Injectable } from '@nestjs/common';

export type PlayEventKind = 'play' | 'complete';

export type PlayEventListener = (kind: PlayEventKind, userId: string, titleId: string) => void;

/** Tells whoever listens (recommendations) that a viewer started or finished a title. */
@Injectable()
export class PlayEvents {
  private readonly listeners: PlayEventListener[] = [];

  subscribe(listener: PlayEventListener): void {
    this.listeners.push(listener);
  }

  recordPlay(userId: string, titleId: string): void {
    for (const listener of this.listeners) listener('play', userId, titleId);
  }

  recordCompletion(userId: string, titleId: string): void {
    for (const listener of this.listeners) listener('complete', userId, titleId);
  }
}
