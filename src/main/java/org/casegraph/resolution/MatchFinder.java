package org.casegraph.resolution;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.apache.commons.codec.digest.DigestUtils;
import org.apache.commons.text.similarity.JaroWinklerSimilarity;

/**
 * Finds the records that may be one: each unresolved account against the people and the
 * other unresolved accounts, by phone number, by display name (the same, or close to a
 * person's name) and by shared contacts. Works on what it is given, so the rules can be
 * read and tested apart from the graph.
 */
final class MatchFinder {

	/** Least Jaro-Winkler similarity of a display name to a person's name. */
	static final double SIMILAR_NAME = 0.9;

	/** Most people a display name is reported as close to (the closest ones). */
	static final int SIMILAR_NAMES_KEPT = 3;

	/** Least share of an account's contact-months another record has too. */
	static final double SHARED_CONTACTS = 0.5;

	/** Least contact-months in common. */
	static final int SHARED_CONTACT_MONTHS = 3;

	private static final JaroWinklerSimilarity JARO_WINKLER = new JaroWinklerSimilarity();

	/**
	 * An account not tied to a person.
	 *
	 * @param id its id
	 * @param handle its number or display name
	 * @param groups the chat groups it was in
	 */
	record Account(String id, String handle, List<String> groups) {
	}

	/**
	 * A person an account may belong to.
	 *
	 * @param id the person's id
	 * @param name their name
	 * @param phones their phone numbers
	 * @param handles the display names of other accounts they use, each with the groups
	 * it was seen in
	 * @param groups their own chat groups
	 */
	record Person(String id, String name, List<String> phones, Map<String, List<String>> handles, List<String> groups) {
	}

	/**
	 * A pair found, with its evidence: {@code left} is the account that a "same" decision
	 * merges into {@code right}.
	 */
	record Found(String left, String right, List<Evidence> evidence) {

		double score() {
			double none = 1;
			for (Evidence item : evidence) {
				none *= 1 - item.score();
			}
			return Math.round((1 - none) * 10_000) / 10_000.0;
		}

		String pair() {
			return (left.compareTo(right) < 0) ? left + "|" + right : right + "|" + left;
		}

		String id() {
			return "match:" + HexFormat.of().formatHex(DigestUtils.sha256(pair()), 0, 8);
		}

	}

	private final List<Account> accounts;

	private final List<Person> people;

	private final Map<String, Map<String, Set<Long>>> contactMonths;

	private final Map<String, Map<String, List<Evidence>>> found = new TreeMap<>();

	/**
	 * @param accounts the unresolved accounts
	 * @param people everyone they may belong to
	 * @param contactMonths for the accounts and everyone who shares a contact with one:
	 * contact id to the months (yyyymm) they messaged either way
	 */
	MatchFinder(List<Account> accounts, List<Person> people, Map<String, Map<String, Set<Long>>> contactMonths) {
		this.accounts = accounts;
		this.people = people;
		this.contactMonths = contactMonths;
	}

	List<Found> find() {
		Map<String, List<Person>> byPhone = new HashMap<>();
		people.forEach(person -> person.phones()
			.forEach(phone -> byPhone.computeIfAbsent(digits(phone), key -> new ArrayList<>()).add(person)));
		byPhone.remove("");
		for (Account account : accounts) {
			byPhone.getOrDefault(digits(account.handle()), List.of())
				.forEach(person -> add(account.id(), person.id(),
						new Evidence(Evidence.Kind.PHONE_NUMBER, 0.95, "'%s' is the phone number of %s (%s)"
							.formatted(account.handle(), person.name(), person.id()))));
			names(account);
			sharedContacts(account);
		}
		List<Found> result = new ArrayList<>();
		found.forEach((left, rights) -> rights
			.forEach((right, evidence) -> result.add(new Found(left, right, List.copyOf(evidence)))));
		return result;
	}

	private void names(Account account) {
		String name = name(account.handle());
		if (digits(account.handle()).isEmpty()) {
			similarNames(account, name);
		}
		for (Person person : people) {
			if (name.equals(name(person.name()))) {
				add(account.id(), person.id(), new Evidence(Evidence.Kind.SAME_NAME, 0.8,
						"display name '%s' is the name of %s".formatted(account.handle(), person.id())));
			}
			person.handles().forEach((handle, groups) -> {
				if (name.equals(name(handle)) && !overlap(groups, account.groups())) {
					add(account.id(), person.id(), new Evidence(Evidence.Kind.SAME_NAME, 0.7,
							"%s appears as '%s' in %s".formatted(person.id(), handle, String.join(", ", groups))));
				}
			});
		}
		for (Account other : accounts) {
			if (other.id().compareTo(account.id()) > 0 && name.equals(name(other.handle()))
					&& !overlap(other.groups(), account.groups())) {
				add(account.id(), other.id(),
						new Evidence(Evidence.Kind.SAME_NAME, 0.6,
								"display name '%s' in %s and in %s".formatted(account.handle(),
										String.join(", ", account.groups()), String.join(", ", other.groups()))));
			}
		}
	}

	private void similarNames(Account account, String name) {
		if (name.isEmpty()) {
			return;
		}
		record Close(Person person, double similarity) {
		}
		people.stream()
			.filter(person -> person.name() != null && !name.equals(name(person.name())))
			.map(person -> new Close(person, JARO_WINKLER.apply(name, name(person.name()))))
			.filter(close -> close.similarity() >= SIMILAR_NAME)
			.sorted(Comparator.comparingDouble(Close::similarity).reversed().thenComparing(c -> c.person().id()))
			.limit(SIMILAR_NAMES_KEPT)
			.forEach(close -> add(account.id(), close.person().id(),
					new Evidence(Evidence.Kind.SIMILAR_NAME, round(0.7 * close.similarity()),
							"display name '%s' is %.2f like %s's name '%s' (Jaro-Winkler)".formatted(account.handle(),
									close.similarity(), close.person().id(), close.person().name()))));
	}

	/**
	 * Records that messaged the same contacts in the same months as the account, other
	 * than those in one of its groups: two participants of one chat are two people.
	 */
	private void sharedContacts(Account account) {
		Set<String> mine = contactMonths(account.id(), Set.of());
		if (mine.size() < SHARED_CONTACT_MONTHS) {
			return;
		}
		List<Candidate> others = new ArrayList<>();
		people.forEach(person -> others.add(new Candidate(person.id(), person.groups())));
		accounts.stream()
			.filter(other -> other.id().compareTo(account.id()) > 0)
			.forEach(other -> others.add(new Candidate(other.id(), other.groups())));
		for (Candidate other : others) {
			if (overlap(other.groups(), account.groups()) || !contactMonths.containsKey(other.id())) {
				continue;
			}
			Set<String> theirs = contactMonths(other.id(), Set.of(account.id()));
			Set<String> common = new HashSet<>(mine);
			common.retainAll(theirs);
			common.removeIf(key -> key.startsWith(other.id() + "@"));
			double share = (double) common.size() / mine.size();
			if (common.size() >= SHARED_CONTACT_MONTHS && share >= SHARED_CONTACTS) {
				add(account.id(), other.id(),
						new Evidence(Evidence.Kind.SHARED_CONTACTS, round(0.6 * share),
								"%d of the %d contact-months of %s are %s's too (e.g. %s)".formatted(common.size(),
										mine.size(), account.id(), other.id(),
										common.stream().sorted().findFirst().orElseThrow())));
			}
		}
	}

	private record Candidate(String id, List<String> groups) {
	}

	/** Contact id and month, as "contact@yyyymm", leaving out some contacts. */
	private Set<String> contactMonths(String id, Set<String> without) {
		Set<String> keys = new HashSet<>();
		contactMonths.getOrDefault(id, Map.of()).forEach((contact, months) -> {
			if (!without.contains(contact)) {
				months.forEach(month -> keys.add(contact + "@" + month));
			}
		});
		return keys;
	}

	private void add(String left, String right, Evidence evidence) {
		found.computeIfAbsent(left, key -> new TreeMap<>())
			.computeIfAbsent(right, key -> new ArrayList<>())
			.add(evidence);
	}

	/**
	 * A number's digits in international form: "+44 7700 900123", "0044 7700 900123" and
	 * "07700 900123" are one number (a leading single 0 is the UK trunk prefix); empty
	 * for what has fewer than seven digits.
	 */
	static String digits(String handle) {
		String digits = (handle == null) ? "" : handle.replaceAll("[^0-9]", "");
		if (digits.length() < 7 || (handle.replaceAll("[0-9+()\\s.-]", "").length() > 0)) {
			return "";
		}
		if (digits.startsWith("00")) {
			return digits.substring(2);
		}
		return digits.startsWith("0") ? "44" + digits.substring(1) : digits;
	}

	/** A name as compared: no accents, case or punctuation, single spaces. */
	static String name(String text) {
		if (text == null) {
			return "";
		}
		String plain = Normalizer.normalize(text, Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
		return plain.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
	}

	private static boolean overlap(Collection<String> a, Collection<String> b) {
		return a.stream().anyMatch(b::contains);
	}

	private static double round(double value) {
		return Math.round(value * 10_000) / 10_000.0;
	}

}
