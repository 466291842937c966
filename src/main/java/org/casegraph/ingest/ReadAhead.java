package org.casegraph.ingest;

import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * A stream read on a thread of its own, up to {@code ahead} items before they are taken,
 * so that an import's two cores both work: one reads and builds, the other writes. The
 * source is opened, read and closed on that thread alone, so that closing early never
 * closes a file while it is being read; an error it throws is thrown to the reader where
 * the source threw it, after every item before it.
 */
public final class ReadAhead<T> implements Iterator<T> {

	private static final Object END = new Object();

	private final BlockingQueue<Object> queue;

	private final Thread thread;

	private volatile boolean closed;

	private Object next;

	private ReadAhead(String name, Supplier<? extends Stream<? extends T>> source, int ahead) {
		this.queue = new ArrayBlockingQueue<>(ahead);
		this.thread = Thread.ofPlatform().name(name).daemon().unstarted(() -> read(source));
	}

	/**
	 * What {@code source} gives, in order; closing the stream stops the reading and waits
	 * until the source is closed.
	 */
	public static <T> Stream<T> of(String name, Supplier<? extends Stream<? extends T>> source, int ahead) {
		ReadAhead<T> items = new ReadAhead<>(name, source, ahead);
		items.thread.start();
		return StreamSupport.stream(Spliterators.spliteratorUnknownSize(items, Spliterator.ORDERED), false)
			.onClose(items::close);
	}

	private void read(Supplier<? extends Stream<? extends T>> source) {
		try (Stream<? extends T> items = source.get()) {
			Iterator<? extends T> each = items.iterator();
			while (!closed && each.hasNext()) {
				hand(each.next());
			}
			hand(END);
		}
		catch (RuntimeException | Error ex) {
			hand(new Failure(ex));
		}
	}

	/** Waits for room, unless the reader has stopped taking. */
	private void hand(Object item) {
		try {
			while (!closed && !queue.offer(item, 50, TimeUnit.MILLISECONDS)) {
				// the reader is still behind
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public boolean hasNext() {
		if (next == null) {
			next = take();
		}
		if (next instanceof Failure failure) {
			throw failure.rethrown();
		}
		return next != END;
	}

	@Override
	@SuppressWarnings("unchecked")
	public T next() {
		if (!hasNext()) {
			throw new NoSuchElementException();
		}
		T item = (T) next;
		next = null;
		return item;
	}

	private Object take() {
		try {
			Object item;
			while ((item = queue.poll(50, TimeUnit.MILLISECONDS)) == null) {
				if (!thread.isAlive() && queue.isEmpty()) {
					throw new IllegalStateException(thread.getName() + " ended before its source did");
				}
			}
			return item;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while reading ahead", ex);
		}
	}

	private void close() {
		closed = true;
		queue.clear();
		try {
			thread.join();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/** What the source threw, kept in its place among the items. */
	private record Failure(Throwable thrown) {

		RuntimeException rethrown() {
			if (thrown instanceof Error error) {
				throw error;
			}
			return (RuntimeException) thrown;
		}

	}

}
