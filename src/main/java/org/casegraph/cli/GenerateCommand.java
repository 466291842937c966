package org.casegraph.cli;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;

import org.casegraph.referencecase.BundleGenerator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code generate}: a synthetic CSV bundle of a given size, the same for the same seed,
 * for demos and benchmarks.
 */
@Command(name = "generate", mixinStandardHelpOptions = true,
		description = { "Write a synthetic CSV bundle (deterministic for a seed) that `import csv` reads.",
				"Tiers: S (60 officers, 4,000 messages), M (5,000 officers, 1,000,000 messages),",
				"L (50,000 officers, 10,000,000 messages)." })
public class GenerateCommand implements Callable<Integer> {

	@Option(names = "--tier", defaultValue = "S", description = "S, M or L (default ${DEFAULT-VALUE}).")
	String tier;

	@Option(names = "--seed", defaultValue = "1", description = "Seed (default ${DEFAULT-VALUE}).")
	long seed;

	@Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder to write the bundle to.")
	Path out;

	@Override
	public Integer call() {
		long started = System.nanoTime();
		Map<String, Long> rows = BundleGenerator.generate(BundleGenerator.Tier.of(tier), seed, out);
		rows.forEach((file, count) -> System.out.printf("%-26s %,12d rows%n", file, count));
		System.out.printf("Wrote tier %s (seed %d) to %s in %.1f s%n", tier.toUpperCase(java.util.Locale.ROOT), seed,
				out, (System.nanoTime() - started) / 1e9);
		return 0;
	}

}
