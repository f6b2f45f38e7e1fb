import type shaka from 'shaka-player/dist/shaka-player.ui';

/**
 * What the viewer chose in the player's menus (subtitles, a fixed quality), taken before the stream is
 * loaded again after a failure and put back once it is: Retry should not undo their choices.
 */
export class ViewerChoices {
  private constructor(
    private readonly subtitles: { language: string; kind: string | null } | null,
    /** The picture height the viewer fixed; null while the player chooses the quality itself. */
    private readonly fixedHeight: number | null,
  ) {}

  static of(player: shaka.Player): ViewerChoices {
    const subtitles = player.getTextTracks().find((track) => track.active);
    const qualityFixed = !player.getConfiguration().abr.enabled;
    const variant = player.getVariantTracks().find((track) => track.active);
    return new ViewerChoices(subtitles ? { language: subtitles.language, kind: subtitles.kind } : null, qualityFixed ? (variant?.height ?? null) : null);
  }

  restoreTo(player: shaka.Player): void {
    const subtitles = this.subtitles;
    const track = subtitles && player.getTextTracks().find((candidate) => candidate.language === subtitles.language && candidate.kind === subtitles.kind);
    if (track) player.selectTextTrack(track);
    const variant = this.fixedHeight !== null && player.getVariantTracks().find((candidate) => candidate.height === this.fixedHeight);
    if (variant) player.selectVariantTrack(variant, true);
  }
}
