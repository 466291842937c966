package org.casegraph.terms;

import java.util.List;

import org.casegraph.query.BadRequestException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TermListFileTests {

	@Test
	void wordsPhrasesAndPatternsAreReadAndCommentsSkipped() {
		List<TermList.Term> terms = TermListFile.parse("terms.txt", "mine",
				List.of("\uFEFF# comment", "", "tin hat", "  Bluebottle ", "/kettl(e|ed)/"));
		assertThat(terms).containsExactly(new TermList.Term("tin hat", false), new TermList.Term("Bluebottle", false),
				new TermList.Term("kettl(e|ed)", true));
	}

	@Test
	void aLineThatCannotBeATermIsRefusedWithTheFileAndLine() {
		assertThatThrownBy(() -> TermListFile.parse("terms.txt", "mine", List.of("# c", "fine", "/(unclosed/")))
			.isInstanceOf(BadRequestException.class)
			.hasMessageStartingWith("terms.txt:3: '(unclosed' is not a regular expression");
		assertThatThrownBy(() -> TermListFile.parse("terms.txt", "mine", List.of("fine", "!!!")))
			.hasMessage("terms.txt:2: '!!!' holds no word to match");
		assertThatThrownBy(() -> TermListFile.parse("terms.txt", "mine", List.of("Tin Hat", "tin  hat")))
			.hasMessage("terms.txt:2: 'tin  hat' is listed twice");
		assertThatThrownBy(() -> TermListFile.parse("terms.txt", "mine", List.of("/.*/")))
			.hasMessageContaining("terms.txt:1: the regular expression '.*' matches an empty text");
		assertThatThrownBy(() -> TermListFile.parse("terms.txt", "mine", List.of("# only a comment")))
			.hasMessage("terms.txt: a term list needs at least one term");
		assertThatThrownBy(() -> TermListFile.parse("terms.txt", "Mine!", List.of("x")))
			.hasMessageStartingWith("terms.txt: name 'Mine!' is not a term list name");
	}

	@Test
	void wholeWordsInAnyCaseWithOffsetsThatCutTheTermOut() {
		TermMatcher matcher = new TermMatcher(List.of(new TermList.Term("tin hat", false),
				new TermList.Term("owl", false), new TermList.Term("kettl(ed|e)", true)));
		String text = "A TIN hat, owls and an owl; kettled.";
		List<TermMatcher.Hit> hits = matcher.find(text);
		assertThat(hits).extracting(hit -> text.substring(hit.start(), hit.end()))
			.containsExactly("TIN hat", "owl", "kettled");
	}

}
