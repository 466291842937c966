package org.casegraph.ingest.read;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.casegraph.ingest.GraphBatch;
import org.casegraph.ingest.ImportPlan;
import org.casegraph.ingest.InputException;
import org.casegraph.ingest.WriteCounts;

/**
 * SNAP-style edge lists: {@code SENDER RECIPIENT [TIMESTAMP]} per line (whitespace
 * separated, {@code #} comments), each line one message (an e-mail) from sender to
 * recipient, the timestamp in Unix seconds; and an optional labels file,
 * {@code PERSON LABEL} per line, whose labels become units the people are members of.
 * Self-loops are kept as messages (a person e-mailing themself) and counted; they are not
 * contacts.
 */
public final class SnapReader {

	private static final Pattern WHOLE_NUMBER = Pattern.compile("\\d{1,18}");

	private final Settings settings;

	private final List<String> rejects = new ArrayList<>();

	private final Set<String> people = new LinkedHashSet<>();

	private final Map<String, String> labels = new LinkedHashMap<>();

	private final List<Edge> edges = new ArrayList<>();

	private long selfLoops;

	private SnapReader(Settings settings) {
		this.settings = settings;
	}

	/**
	 * What to read.
	 *
	 * @param edges the edge list
	 * @param labels the labels file, or null
	 * @param unitPrefix put before each label to name its unit ("Department " makes
	 * "Department 4")
	 * @param dataset namespace of the ids, so two data sets never share a person by
	 * accident
	 * @param textIds take any word as a node id; without it, ids are whole numbers as in
	 * SNAP's data sets, so that a shifted or mangled line is refused rather than read as
	 * a new person
	 * @param skipInvalid leave invalid lines out (and list them) instead of refusing the
	 * whole input
	 * @param batchSize messages per transaction
	 */
	public record Settings(Path edges, Path labels, String unitPrefix, String dataset, boolean textIds,
			boolean skipInvalid, int batchSize) {
	}

	public static ImportPlan read(Settings settings) {
		SnapReader format = new SnapReader(settings);
		format.readEdges(TextFile.read(settings.edges()));
		if (settings.labels() != null) {
			format.readLabels(TextFile.read(settings.labels()));
		}
		return format.plan();
	}

	private void readEdges(TextFile file) {
		for (int i = 0; i < file.lines().size(); i++) {
			String line = file.lines().get(i).strip();
			if (line.isEmpty() || line.startsWith("#")) {
				continue;
			}
			try {
				edges.add(edge(file.path(), i + 1, line.split("\\s+")));
			}
			catch (InputException ex) {
				reject(ex);
			}
		}
		if (edges.isEmpty()) {
			throw new InputException(file.path(), "holds no edges");
		}
	}

	private Edge edge(Path file, long line, String[] fields) {
		if (fields.length < 2 || fields.length > 3) {
			throw new InputException(file, line, null,
					"expected SENDER RECIPIENT [TIMESTAMP], found " + fields.length + " fields");
		}
		nodeId(file, line, "SENDER", fields[0]);
		nodeId(file, line, "RECIPIENT", fields[1]);
		Instant sentAt = (fields.length == 3) ? timestamp(file, line, fields[2]) : null;
		people.add(fields[0]);
		people.add(fields[1]);
		selfLoops += fields[0].equals(fields[1]) ? 1 : 0;
		return new Edge(line, fields[0], fields[1], sentAt);
	}

	private void nodeId(Path file, long line, String field, String id) {
		if (!settings.textIds() && !WHOLE_NUMBER.matcher(id).matches()) {
			throw new InputException(file, line, field,
					"'" + id + "' is not a whole number, as SNAP's node ids are (--text-ids takes any word)");
		}
	}

	private static Instant timestamp(Path file, long line, String text) {
		try {
			return Instant.ofEpochSecond(Long.parseLong(text));
		}
		catch (NumberFormatException ex) {
			throw new InputException(file, line, "TIMESTAMP", "'" + text + "' is not a Unix time in seconds");
		}
	}

	private void readLabels(TextFile file) {
		for (int i = 0; i < file.lines().size(); i++) {
			String line = file.lines().get(i).strip();
			if (line.isEmpty() || line.startsWith("#")) {
				continue;
			}
			String[] fields = line.split("\\s+");
			if (fields.length != 2) {
				reject(new InputException(file.path(), i + 1, null,
						"expected PERSON LABEL, found " + fields.length + " fields"));
				continue;
			}
			try {
				nodeId(file.path(), i + 1, "PERSON", fields[0]);
			}
			catch (InputException ex) {
				reject(ex);
				continue;
			}
			String previous = labels.putIfAbsent(fields[0], fields[1]);
			if (previous != null && !previous.equals(fields[1])) {
				reject(new InputException(file.path(), i + 1, "LABEL",
						"person " + fields[0] + " is already labelled " + previous));
				continue;
			}
			people.add(fields[0]);
		}
	}

	private void reject(InputException ex) {
		if (!settings.skipInvalid()) {
			throw ex;
		}
		rejects.add(ex.getMessage());
	}

	private ImportPlan plan() {
		List<GraphBatch> batches = new ArrayList<>();
		batches.add(peopleAndUnits());
		for (int start = 0; start < edges.size(); start += settings.batchSize()) {
			batches.add(messages(edges.subList(start, Math.min(edges.size(), start + settings.batchSize()))));
		}
		List<String> notes = new ArrayList<>();
		notes.add("%d people, %d units, %d links (%d self-loops: kept as messages, not counted as contacts)"
			.formatted(people.size(), new LinkedHashSet<>(labels.values()).size(), edges.size(), selfLoops));
		notes.addAll(rejects.stream().map(reject -> "rejected " + reject).toList());
		List<Path> files = (settings.labels() != null) ? List.of(settings.edges(), settings.labels())
				: List.of(settings.edges());
		return new ImportPlan("snap " + settings.dataset(),
				ImportPlan.fingerprint("snap|" + settings.dataset() + "|" + settings.unitPrefix(), files),
				List.copyOf(batches), rejected(), List.copyOf(notes));
	}

	private WriteCounts rejected() {
		return rejects.isEmpty() ? WriteCounts.NONE
				: WriteCounts.NONE.plus("(invalid lines)", new WriteCounts.Count(0, 0, 0, rejects.size()));
	}

	private GraphBatch peopleAndUnits() {
		GraphBatch batch = new GraphBatch();
		for (String label : new LinkedHashSet<>(labels.values())) {
			batch.node(unitId(label), List.of("Unit"),
					Map.of("name", settings.unitPrefix() + label, "synthetic", false, "dataset", settings.dataset()));
		}
		for (String person : people) {
			batch.node(personId(person), List.of("Person"),
					Map.of("name", person, "synthetic", false, "dataset", settings.dataset()));
		}
		labels.forEach((person, label) -> {
			String membership = "membership:" + settings.dataset() + ":" + person;
			batch.node(membership, List.of("Membership"), Map.of("synthetic", false, "dataset", settings.dataset()));
			batch.relationship(personId(person), "HAS_MEMBERSHIP", membership);
			batch.relationship(membership, "IN_UNIT", unitId(label));
		});
		return batch;
	}

	private GraphBatch messages(List<Edge> slice) {
		GraphBatch batch = new GraphBatch();
		for (Edge edge : slice) {
			String id = "message:" + settings.dataset() + ":" + edge.line();
			Map<String, Object> properties = new LinkedHashMap<>();
			properties.put("channel", "EMAIL");
			properties.put("sentAt", (edge.sentAt() != null) ? edge.sentAt().atOffset(ZoneOffset.UTC) : null);
			properties.put("synthetic", false);
			properties.put("dataset", settings.dataset());
			properties.put("flagged", false);
			batch.node(id, List.of("Message"), properties);
			batch.relationship(personId(edge.sender()), "SENT", id);
			batch.relationship(id, "TO", personId(edge.recipient()));
		}
		return batch;
	}

	private String personId(String person) {
		return "person:" + settings.dataset() + ":" + person;
	}

	private String unitId(String label) {
		return "unit:" + settings.dataset() + ":" + label;
	}

	private record Edge(long line, String sender, String recipient, Instant sentAt) {
	}

}
