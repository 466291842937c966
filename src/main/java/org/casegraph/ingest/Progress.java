package org.casegraph.ingest;

import java.io.PrintStream;

import me.tongfei.progressbar.DelegatingProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Import progress in rows, with rate and ETA: a bar redrawn in place on a terminal, a
 * plain line every five seconds otherwise (logs, CI, pipes).
 */
final class Progress {

	private static final int LINE_EVERY_MILLIS = 5_000;

	private Progress() {
	}

	static ProgressBar of(String task, long total, PrintStream out) {
		ProgressBarBuilder bar = new ProgressBarBuilder().setTaskName(task)
			.setInitialMax(total)
			.setStyle(ProgressBarStyle.ASCII)
			.setUnit(" rows", 1)
			.showSpeed();
		if (System.console() == null) {
			bar.setConsumer(new DelegatingProgressBarConsumer(out::println)).setUpdateIntervalMillis(LINE_EVERY_MILLIS);
		}
		return bar.build();
	}

}
