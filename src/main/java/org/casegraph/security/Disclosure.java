package org.casegraph.security;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.springframework.graphql.ResponseError;

/**
 * What one request gave out and withheld, as the access policy saw it: the ids of the
 * entities it returned, the sensitive values it disclosed (ids per field) and the ones it
 * redacted (counts per field), and what its answer came to where its errors say. The
 * audit trail writes it; the response says how much was redacted. One per request, filled
 * as the response is built.
 */
public final class Disclosure {

	/** The key of the disclosure in a GraphQL context and in a request's attributes. */
	public static final String KEY = Disclosure.class.getName();

	private static final int IDS_KEPT = 1_000;

	private final Set<String> returned = new LinkedHashSet<>();

	private long returnedTotal;

	private final Map<String, Set<String>> disclosed = new TreeMap<>();

	private final Map<String, Long> redacted = new TreeMap<>();

	private String operation;

	private final List<String> denials = new ArrayList<>();

	private final List<Map<String, Object>> changes = new ArrayList<>();

	private String outcome;

	public synchronized void returned(String id) {
		if (id != null && !returned.contains(id)) {
			returnedTotal++;
			if (returned.size() < IDS_KEPT) {
				returned.add(id);
			}
		}
	}

	public synchronized void disclosed(String field, String id) {
		disclosed.computeIfAbsent(field, key -> new LinkedHashSet<>()).add(String.valueOf(id));
	}

	public synchronized void redacted(String field) {
		redacted(field, 1);
	}

	public synchronized void redacted(String field, long values) {
		redacted.merge(field, values, Long::sum);
	}

	public synchronized void denied(String reason) {
		denials.add(reason);
	}

	public synchronized void operation(String name) {
		this.operation = name;
	}

	public synchronized String operation() {
		return operation;
	}

	/**
	 * Notes what the answer came to from the classifications of the errors it carries
	 * ({@code LIMIT_EXCEEDED}, {@code FORBIDDEN}, ...): limit where a guard rail stopped
	 * it, denied where the access policy did, error for any other; none leaves it as it
	 * was.
	 */
	public synchronized void answered(List<ResponseError> errors) {
		List<String> errorClassifications = errors.stream().map(error -> String.valueOf(error.getErrorType())).toList();
		if (errorClassifications.contains("LIMIT_EXCEEDED")) {
			outcome = "limit";
		}
		else if (errorClassifications.contains("FORBIDDEN")) {
			outcome = "denied";
		}
		else if (!errorClassifications.isEmpty()) {
			outcome = "error";
		}
	}

	/** What {@link #answered} noted (limit, denied or error), or null. */
	public synchronized String outcome() {
		return outcome;
	}

	public synchronized List<String> returnedIds() {
		return List.copyOf(returned);
	}

	public synchronized long returnedTotal() {
		return returnedTotal;
	}

	public synchronized Map<String, List<String>> disclosedIds() {
		Map<String, List<String>> copy = new TreeMap<>();
		disclosed.forEach((field, ids) -> copy.put(field, List.copyOf(ids)));
		return copy;
	}

	public synchronized Map<String, Long> redactedCounts() {
		return new TreeMap<>(redacted);
	}

	/** A write the request made: what it was and what it changed, for the audit trail. */
	public synchronized void changed(Map<String, Object> change) {
		changes.add(Map.copyOf(change));
	}

	public synchronized List<Map<String, Object>> changes() {
		return List.copyOf(changes);
	}

	public synchronized List<String> denials() {
		return List.copyOf(denials);
	}

	/**
	 * What this request gave out and withheld, apart from it: kept with an answer written
	 * once, so that another request answered with it is audited alike.
	 */
	public synchronized Disclosure copy() {
		Disclosure copy = new Disclosure();
		copy.sameAs(this);
		return copy;
	}

	/**
	 * Notes what {@code answered} (another request's, or a {@link #copy()} of it) gave
	 * out and withheld as this request's: it is answered with the same answer.
	 */
	public synchronized void sameAs(Disclosure answered) {
		returned.addAll(answered.returnedIds());
		returnedTotal = answered.returnedTotal();
		answered.disclosedIds().forEach((field, ids) -> disclosed.put(field, new LinkedHashSet<>(ids)));
		redacted.putAll(answered.redactedCounts());
		operation = answered.operation();
	}

}
