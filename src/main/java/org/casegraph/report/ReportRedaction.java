package org.casegraph.report;

import java.util.ArrayList;
import java.util.List;

import org.casegraph.security.Caller;
import org.casegraph.security.Disclosure;
import org.casegraph.security.SensitiveFields;

import org.springframework.stereotype.Component;

/**
 * Report cells under the same access policy as every other route: a column that a report
 * file marks as holding a sensitive field ({@code // sensitive: text Message.body}) reads
 * as the placeholder for a caller without the investigator role, and is counted as
 * redacted or disclosed in the request's {@link Disclosure}.
 */
@Component
public class ReportRedaction {

	private final SensitiveFields sensitive;

	ReportRedaction(SensitiveFields sensitive) {
		this.sensitive = sensitive;
	}

	public ReportResult apply(Report report, ReportResult result, Caller caller, Disclosure disclosure) {
		List<Integer> redacted = new ArrayList<>();
		for (Report.Column column : report.columns()) {
			String field = column.sensitive();
			int index = result.columns().indexOf(column.name());
			if (field == null || index < 0 || !sensitive.isSensitive(field.substring(0, field.indexOf('.')),
					field.substring(field.indexOf('.') + 1))) {
				continue;
			}
			if (SensitiveFields.cleared(caller)) {
				disclosure.disclosed(field, "report:" + report.name() + ":" + column.name());
			}
			else {
				redacted.add(index);
				disclosure.redacted(field, result.rows().size());
			}
		}
		if (redacted.isEmpty()) {
			return result;
		}
		List<List<Object>> rows = result.rows().stream().map(row -> {
			List<Object> copy = new ArrayList<>(row);
			redacted.forEach(index -> copy.set(index, SensitiveFields.PLACEHOLDER));
			return (List<Object>) copy;
		}).toList();
		return new ReportResult(result.name(), result.columns(), rows, result.summary());
	}

}
