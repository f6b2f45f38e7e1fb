export enum Rating {
  Down = 'down',
  Up = 'up',
  Love = 'love',
}

export interface StoredRating {
  titleId: string;
  rating: Rating;
  updatedAt: number;
}
