package org.casegraph.ingest;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;

import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Import progress in rows: a bar with rate and ETA on a terminal, a plain line every few
 * seconds otherwise (logs, CI, pipes).
 */
interface Progress extends AutoCloseable {

	void advance(long rows);

	@Override
	void close();

	static Progress of(String task, long total, PrintStream out) {
		return (System.console() != null) ? new Bar(task, total) : new Lines(task, total, out);
	}

	/** The terminal bar. */
	final class Bar implements Progress {

		private final ProgressBar bar;

		Bar(String task, long total) {
			this.bar = new ProgressBarBuilder().setTaskName(task)
				.setInitialMax(total)
				.setStyle(ProgressBarStyle.ASCII)
				.setUnit(" rows", 1)
				.showSpeed()
				.build();
		}

		@Override
		public void advance(long rows) {
			bar.stepBy(rows);
		}

		@Override
		public void close() {
			bar.close();
		}

	}

	/** Plain lines with rate and ETA, at most one every five seconds. */
	final class Lines implements Progress {

		private static final Duration EVERY = Duration.ofSeconds(5);

		private final String task;

		private final long total;

		private final PrintStream out;

		private final Instant started = Instant.now();

		private Instant lastLine = Instant.now();

		private long done;

		Lines(String task, long total, PrintStream out) {
			this.task = task;
			this.total = total;
			this.out = out;
		}

		@Override
		public void advance(long rows) {
			done += rows;
			if (Duration.between(lastLine, Instant.now()).compareTo(EVERY) >= 0) {
				lastLine = Instant.now();
				out.println(line());
			}
		}

		@Override
		public void close() {
			out.println(line());
		}

		private String line() {
			double seconds = Math.max(0.001, Duration.between(started, Instant.now()).toMillis() / 1000.0);
			double rate = done / seconds;
			long eta = (rate > 0) ? Math.round((total - done) / rate) : 0;
			return "%s: %d/%d rows (%d%%), %.0f rows/s, ETA %ds".formatted(task, done, total,
					(total > 0) ? done * 100 / total : 100, rate, eta);
		}

	}

}
