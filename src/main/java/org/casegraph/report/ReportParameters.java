package org.casegraph.report;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Binds given values to a report's declared parameters: unknown, missing and wrongly
 * typed ones are refused by name; the rest take their defaults.
 */
public final class ReportParameters {

	private ReportParameters() {
	}

	static Map<String, Object> fromText(Report report, Map<String, String> given) {
		return bind(report, given, (parameter, value) -> parameter.type().parse(value));
	}

	public static Map<String, Object> fromJson(Report report, Map<String, Object> given) {
		return bind(report, given == null ? Map.of() : given, (parameter, value) -> parameter.type().accept(value));
	}

	private static <V> Map<String, Object> bind(Report report, Map<String, V> given,
			BiFunction<ReportParameter, V, Object> read) {
		List<String> declared = report.parameters().stream().map(ReportParameter::name).toList();
		for (String name : given.keySet()) {
			if (!declared.contains(name)) {
				throw new ReportException("Report '%s' has no parameter '%s'; it takes: %s".formatted(report.name(),
						name, declared.isEmpty() ? "none" : String.join(", ", declared)));
			}
		}
		Map<String, Object> bound = new LinkedHashMap<>();
		for (ReportParameter parameter : report.parameters()) {
			V value = given.get(parameter.name());
			if (value == null) {
				if (parameter.required()) {
					throw new ReportException("Report '%s': parameter '%s' (%s) is required".formatted(report.name(),
							parameter.name(), parameter.type().label()));
				}
				bound.put(parameter.name(), parameter.defaultValue());
				continue;
			}
			Object typed = read.apply(parameter, value);
			if (typed == null) {
				throw new ReportException("Report '%s': parameter '%s' must be a %s, not %s".formatted(report.name(),
						parameter.name(), parameter.type().label(), describe(value)));
			}
			bound.put(parameter.name(), typed);
		}
		return bound;
	}

	private static String describe(Object value) {
		return value instanceof String text ? "'" + text + "'" : String.valueOf(value);
	}

}
