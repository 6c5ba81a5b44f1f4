package dev.pulse.flink.events;

/**
 * The common part of the serializers for the immutable records that travel between the jobs' operators (not kept in
 * state): a record is its own copy.
 */
abstract class RecordSerializer<T> extends StatelessSerializer<T> {

    private static final long serialVersionUID = 1L;

    @Override
    public boolean isImmutableType() {
        return true;
    }

    @Override
    public T copy(T from) {
        return from;
    }

    @Override
    public T copy(T from, T reuse) {
        return from;
    }
}
