package org.casegraph.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * The reports: those the application carries ({@code cypher/reports/*.cypher}) and those
 * in {@code casegraph.reports.directory}. Read at startup; a malformed one stops startup
 * with its file and line.
 */
@Component
public class ReportCatalog {

	private final Map<String, Report> reports;

	/** The GDS projection queries the reports name, read once. */
	private final Map<String, String> graphs = new LinkedHashMap<>();

	ReportCatalog(ReportSettings settings, List<ReportComputation> computations) {
		Set<String> computed = computations.stream().map(ReportComputation::name).collect(Collectors.toSet());
		Map<String, Report> found = new LinkedHashMap<>();
		List<Report> all = new ArrayList<>(carried());
		all.addAll(inDirectory(settings.directory()));
		for (Report report : all) {
			requireComputation(report, computed);
			if (report.graph() != null) {
				graphs.computeIfAbsent(report.graph(), graph -> readGraph(report, graph));
			}
			Report clash = found.putIfAbsent(report.name(), report);
			if (clash != null) {
				throw new ReportException(
						report.source() + ": report '" + report.name() + "' is also defined in " + clash.source());
			}
		}
		this.reports = found;
	}

	public List<Report> all() {
		return reports.values().stream().sorted(Comparator.comparing(Report::name)).toList();
	}

	public Optional<Report> find(String name) {
		return Optional.ofNullable(reports.get(name));
	}

	/** A report's GDS projection query, from {@code cypher/reports/graphs/}. */
	String graphQuery(String graph) {
		return graphs.get(graph);
	}

	private static String readGraph(Report report, String graph) {
		Resource resource = new PathMatchingResourcePatternResolver()
			.getResource("classpath:cypher/reports/graphs/" + graph + ".cypher");
		if (!resource.exists()) {
			throw new ReportException(report.source() + ": unknown graph '" + graph + "'");
		}
		try {
			return resource.getContentAsString(StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void requireComputation(Report report, Set<String> computed) {
		if (report.compute() != null && !computed.contains(report.compute())) {
			throw new ReportException(report.source() + ": unknown computation '" + report.compute() + "' (known: "
					+ String.join(", ", computed) + ")");
		}
	}

	private static List<Report> carried() {
		try {
			Resource[] resources = new PathMatchingResourcePatternResolver()
				.getResources("classpath*:cypher/reports/*.cypher");
			// The same file can be on the class path twice (a jar and a classes folder):
			// the first wins.
			Map<String, Report> reports = new LinkedHashMap<>();
			for (Resource resource : resources) {
				String source = "cypher/reports/" + resource.getFilename();
				if (!reports.containsKey(source)) {
					reports.put(source, ReportFile.parse(source, resource.getContentAsString(StandardCharsets.UTF_8)));
				}
			}
			return List.copyOf(reports.values());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static List<Report> inDirectory(Path directory) {
		if (directory == null) {
			return List.of();
		}
		if (!Files.isDirectory(directory)) {
			throw new ReportException("casegraph.reports.directory: " + directory + " is not a folder");
		}
		try (Stream<Path> files = Files.list(directory)) {
			List<Report> reports = new ArrayList<>();
			for (Path file : files.filter(f -> f.toString().endsWith(".cypher")).sorted().toList()) {
				reports.add(ReportFile.parse(file.toString(), Files.readString(file, StandardCharsets.UTF_8)));
			}
			return reports;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
