package org.casegraph.resolution;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The rules that find match candidates, on records written out by hand. */
class MatchFinderTests {

	private static final MatchFinder.Person OFFICER_C = new MatchFinder.Person("officer:c", "Officer C",
			List.of("+44 7700 900003"), Map.of(), List.of("group:impact-chat"));

	private static final MatchFinder.Person OFFICER_D = new MatchFinder.Person("officer:d", "Officer D", List.of(),
			Map.of("Dave", List.of("group:impact-chat")), List.of("group:impact-chat"));

	@Test
	void oneNumberWrittenThreeWaysIsOneNumber() {
		assertThat(MatchFinder.digits("+44 7700 900003")).isEqualTo("447700900003");
		assertThat(MatchFinder.digits("0044 7700 900003")).isEqualTo("447700900003");
		assertThat(MatchFinder.digits("07700 900003")).isEqualTo("447700900003");
		assertThat(MatchFinder.digits("Dave 2")).as("a name with a digit is no number").isEmpty();
		assertThat(MatchFinder.digits("112")).as("too short to be a phone").isEmpty();
	}

	@Test
	void aKnownNumberANameCloseToAPersonsAndAHandleUsedElsewhereAreEachEvidence() {
		List<MatchFinder.Account> accounts = List.of(
				new MatchFinder.Account("account:a", "07700 900003", List.of("group:late")),
				new MatchFinder.Account("account:b", "Oficer D", List.of("group:late")),
				new MatchFinder.Account("account:c", "dave", List.of("group:late")));
		List<MatchFinder.Found> found = new MatchFinder(accounts, List.of(OFFICER_C, OFFICER_D), Map.of()).find();

		assertThat(found).extracting(f -> f.left() + "=" + f.right() + " " + f.evidence().getFirst().kind())
			.containsExactlyInAnyOrder("account:a=officer:c PHONE_NUMBER", "account:b=officer:c SIMILAR_NAME",
					"account:b=officer:d SIMILAR_NAME", "account:c=officer:d SAME_NAME");
		MatchFinder.Found closest = found.stream()
			.filter(f -> f.left().equals("account:b"))
			.max(java.util.Comparator.comparingDouble(MatchFinder.Found::score))
			.orElseThrow();
		assertThat(closest.right()).isEqualTo("officer:d");
		assertThat(found.getFirst().score()).isEqualTo(0.95);
		assertThat(found.getFirst().id()).startsWith("match:").hasSize(22);
	}

	@Test
	void sharedContactsCountOnlyForRecordsNeverInOneChatTogether() {
		Map<String, Map<String, Set<Long>>> months = Map.of("account:x",
				Map.of("officer:e", Set.of(201701L, 201702L), "officer:f", Set.of(201702L)), "officer:c",
				Map.of("officer:e", Set.of(201701L, 201702L, 201703L), "officer:f", Set.of(201702L)), "officer:d",
				Map.of("officer:e", Set.of(201701L, 201702L), "officer:f", Set.of(201702L)));
		MatchFinder.Person inTheSameChat = new MatchFinder.Person("officer:d", "Someone Else", List.of(), Map.of(),
				List.of("group:late"));
		MatchFinder.Person elsewhere = new MatchFinder.Person("officer:c", "Another Name", List.of(), Map.of(),
				List.of("group:impact-chat"));
		List<MatchFinder.Found> found = new MatchFinder(
				List.of(new MatchFinder.Account("account:x", "X", List.of("group:late"))),
				List.of(elsewhere, inTheSameChat), months)
			.find();

		assertThat(found).singleElement().satisfies(f -> {
			assertThat(f.right()).isEqualTo("officer:c");
			assertThat(f.evidence().getFirst().kind()).isEqualTo(Evidence.Kind.SHARED_CONTACTS);
			assertThat(f.evidence().getFirst().detail()).startsWith("3 of the 3 contact-months");
		});
	}

}
