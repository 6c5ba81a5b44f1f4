package dev.pulse.model.event;

/**
 * Where and on what an event happened. Every field may be null; rollups group nulls as "unknown".
 *
 * @param country  ISO 3166-1 alpha-2 code, such as {@code DE}
 * @param device   {@code mobile}, {@code desktop}, {@code tablet}, ...
 * @param platform {@code web}, {@code ios}, {@code android}, ...
 */
public record EventContext(String country, String device, String platform) {

    public static final EventContext EMPTY = new EventContext(null, null, null);
}
