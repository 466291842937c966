package org.casegraph.terms;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

/**
 * Finds a term list's terms in a text: words and phrases as consecutive tokens of
 * Lucene's standard analyzer without stop words (the analyzer of the full-text index, so
 * whole words in any case), regular expressions case-insensitively. Each hit keeps its
 * offsets in the text, so that the text cut at them is the words that matched.
 */
final class TermMatcher {

	private static final Analyzer ANALYZER = new StandardAnalyzer(CharArraySet.EMPTY_SET);

	private final List<TermList.Term> terms;

	private final List<List<String>> phrases = new ArrayList<>();

	private final List<Pattern> patterns = new ArrayList<>();

	/** The phrases (their positions in the list) by their first word. */
	private final Map<String, List<Integer>> phrasesByFirstWord = new HashMap<>();

	TermMatcher(List<TermList.Term> terms) {
		this.terms = terms;
		for (int t = 0; t < terms.size(); t++) {
			TermList.Term term = terms.get(t);
			List<String> phrase = term.regex() ? null : words(term.text());
			phrases.add(phrase);
			patterns.add(term.regex() ? pattern(term.text()) : null);
			if (phrase != null && !phrase.isEmpty()) {
				phrasesByFirstWord.computeIfAbsent(phrase.getFirst(), word -> new ArrayList<>()).add(t);
			}
		}
	}

	/** A pattern as term lists compile it; throws for one that is not valid. */
	static Pattern pattern(String text) {
		return Pattern.compile(text, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
	}

	/** The words of a term as the analyzer reads them: empty for one with none. */
	static List<String> words(String text) {
		return tokens(text).stream().map(Token::text).toList();
	}

	/** Every hit in a text, by offset (then by term's position in the list). */
	List<Hit> find(String text) {
		if (text == null || text.isEmpty()) {
			return List.of();
		}
		List<Hit> hits = new ArrayList<>();
		for (int t = 0; t < terms.size(); t++) {
			if (patterns.get(t) == null) {
				continue;
			}
			Matcher matcher = patterns.get(t).matcher(text);
			while (matcher.find()) {
				if (matcher.end() > matcher.start()) {
					hits.add(new Hit(t, terms.get(t).text(), matcher.start(), matcher.end()));
				}
			}
		}
		if (!phrasesByFirstWord.isEmpty()) {
			addPhraseHits(hits, tokens(text));
		}
		hits.sort(Comparator.comparingInt(Hit::start).thenComparingInt(Hit::term));
		return hits;
	}

	/**
	 * Each token is looked up once among the phrases' first words, so a list of many
	 * phrases costs about what one does.
	 */
	private void addPhraseHits(List<Hit> hits, List<Token> tokens) {
		for (int i = 0; i < tokens.size(); i++) {
			for (int t : phrasesByFirstWord.getOrDefault(tokens.get(i).text(), List.of())) {
				List<String> phrase = phrases.get(t);
				if (i + phrase.size() <= tokens.size() && matchesAt(phrase, tokens, i)) {
					hits.add(new Hit(t, terms.get(t).text(), tokens.get(i).start(),
							tokens.get(i + phrase.size() - 1).end()));
				}
			}
		}
	}

	private static boolean matchesAt(List<String> phrase, List<Token> tokens, int at) {
		for (int j = 0; j < phrase.size(); j++) {
			if (!phrase.get(j).equals(tokens.get(at + j).text())) {
				return false;
			}
		}
		return true;
	}

	private static List<Token> tokens(String text) {
		List<Token> tokens = new ArrayList<>();
		try (TokenStream stream = ANALYZER.tokenStream("body", new StringReader(text))) {
			CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
			OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
			stream.reset();
			while (stream.incrementToken()) {
				tokens.add(new Token(term.toString(), offset.startOffset(), offset.endOffset()));
			}
			stream.end();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return tokens;
	}

	private record Token(String text, int start, int end) {
	}

	/**
	 * One hit.
	 *
	 * @param term the term's position in its list
	 * @param text the term as listed
	 * @param start offset of its first character in the text (UTF-16 units, as Java and
	 * JavaScript strings count)
	 * @param end offset just after its last character
	 */
	record Hit(int term, String text, int start, int end) {
	}

}
