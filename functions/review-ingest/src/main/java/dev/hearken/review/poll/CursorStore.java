package dev.hearken.review.poll;

/** Port: the poll positions. */
public interface CursorStore {

    /** The cursor for {@code key}, or an empty one. */
    Cursor get(String key);

    void put(Cursor cursor);
}
