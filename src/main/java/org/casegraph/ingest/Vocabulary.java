package org.casegraph.ingest;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.casegraph.allegation.AllegationCategory;
import org.casegraph.allegation.AllegationStatus;
import org.casegraph.investigation.InvestigationMode;
import org.casegraph.investigation.OutcomeKind;
import org.casegraph.messaging.AccountKind;
import org.casegraph.messaging.MessageChannel;
import org.casegraph.organisation.OfficerStatus;

/**
 * Which properties of which nodes hold one of a fixed set of values, and which set: the
 * enums of the features. Every source goes through it: the CSV columns take their allowed
 * values from here, and every node a reader or the reference case adds to a
 * {@link GraphBatch} is checked against it.
 */
public final class Vocabulary {

	private static final Map<String, Map<String, Class<? extends Enum<?>>>> BY_LABEL = Map.of("Officer",
			Map.of("status", OfficerStatus.class), "StatusPeriod", Map.of("status", OfficerStatus.class), "Account",
			Map.of("kind", AccountKind.class), "Message", Map.of("channel", MessageChannel.class), "Allegation",
			Map.of("category", AllegationCategory.class, "status", AllegationStatus.class), "Investigation",
			Map.of("mode", InvestigationMode.class), "Outcome", Map.of("kind", OutcomeKind.class));

	private Vocabulary() {
	}

	/**
	 * Each enum's names, worked out once: every message of an import asks for its
	 * channel's, which took a tenth of the thread that reads a bundle.
	 */
	private static final ClassValue<Set<String>> NAMES = new ClassValue<>() {

		@Override
		protected Set<String> computeValue(Class<?> type) {
			Set<String> names = new LinkedHashSet<>();
			Arrays.stream(type.getEnumConstants()).forEach(constant -> names.add(((Enum<?>) constant).name()));
			return Collections.unmodifiableSet(names);
		}

	};

	/** The names of {@code type}'s constants, in their order. */
	public static Set<String> names(Class<? extends Enum<?>> type) {
		return NAMES.get(type);
	}

	/** Every set of allowed values, by label and property. */
	public static Map<String, Map<String, Class<? extends Enum<?>>>> all() {
		return BY_LABEL;
	}

	/**
	 * Why {@code value} may not be {@code property} of a node with {@code labels}, or
	 * null when it may.
	 */
	public static String problem(List<String> labels, String property, Object value) {
		if (value == null) {
			return null;
		}
		for (String label : labels) {
			Map<String, Class<? extends Enum<?>>> constrained = BY_LABEL.get(label);
			Class<? extends Enum<?>> type = (constrained != null) ? constrained.get(property) : null;
			if (type != null && !names(type).contains(String.valueOf(value))) {
				return "'%s' is not one of %s".formatted(value, String.join(", ", names(type)));
			}
		}
		return null;
	}

	/** Refuses a node whose properties hold a value outside its set. */
	static void require(String id, List<String> labels, Map<String, Object> properties) {
		properties.forEach((property, value) -> {
			String problem = problem(labels, property, value);
			if (problem != null) {
				throw new IllegalArgumentException("%s %s: %s".formatted(id, property, problem));
			}
		});
	}

}
