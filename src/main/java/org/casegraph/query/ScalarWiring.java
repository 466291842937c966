package org.casegraph.query;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoField;
import java.time.temporal.Temporal;
import java.util.Locale;

import graphql.GraphQLContext;
import graphql.execution.CoercedVariables;
import graphql.language.AstPrinter;
import graphql.language.Value;
import graphql.scalars.ExtendedScalars;
import graphql.schema.Coercing;
import graphql.schema.CoercingParseLiteralException;
import graphql.schema.CoercingParseValueException;
import graphql.schema.CoercingSerializeException;
import graphql.schema.GraphQLScalarType;
import graphql.schema.idl.RuntimeWiring;

import org.springframework.graphql.execution.RuntimeWiringConfigurer;
import org.springframework.stereotype.Component;

/**
 * ISO 8601 {@code DateTime} and {@code Date}, and {@code JSON} for free-form values, from
 * graphql-java's extended scalars. Dates and times are held to years 0001 to 9999: the
 * database cannot store years far outside, and such an argument is a client's mistake to
 * name, not an internal error.
 */
@Component
class ScalarWiring implements RuntimeWiringConfigurer {

	@Override
	public void configure(RuntimeWiring.Builder builder) {
		builder.scalar(bounded(ExtendedScalars.DateTime))
			.scalar(bounded(ExtendedScalars.Date))
			.scalar(ExtendedScalars.Json);
	}

	@SuppressWarnings("unchecked")
	private static GraphQLScalarType bounded(GraphQLScalarType scalar) {
		Coercing<Object, Object> coercing = (Coercing<Object, Object>) scalar.getCoercing();
		return scalar.transform(builder -> builder.coercing(new Coercing<Object, Object>() {

			@Override
			public Object serialize(Object value, GraphQLContext context, Locale locale)
					throws CoercingSerializeException {
				return coercing.serialize(value, context, locale);
			}

			@Override
			public Object parseValue(Object input, GraphQLContext context, Locale locale)
					throws CoercingParseValueException {
				Object value;
				try {
					value = coercing.parseValue(input, context, locale);
				}
				catch (CoercingParseValueException ex) {
					throw new CoercingParseValueException(notValid(scalar, input));
				}
				String problem = outOfRange(value);
				if (problem != null) {
					throw new CoercingParseValueException(scalar.getName() + " '" + input + "' " + problem);
				}
				return value;
			}

			@Override
			public Object parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context,
					Locale locale) throws CoercingParseLiteralException {
				Object value;
				try {
					value = coercing.parseLiteral(input, variables, context, locale);
				}
				catch (CoercingParseLiteralException ex) {
					throw new CoercingParseLiteralException(notValid(scalar, input));
				}
				String problem = outOfRange(value);
				if (problem != null) {
					throw new CoercingParseLiteralException(scalar.getName() + " " + problem);
				}
				return value;
			}

		}));
	}

	/**
	 * The scalar's own words, not the library's (which name Java classes): what was
	 * given, cut short, and what was expected.
	 */
	private static String notValid(GraphQLScalarType scalar, Object input) {
		String given = (input instanceof Value<?> literal) ? AstPrinter.printAst(literal) : String.valueOf(input);
		given = (given.length() > 40) ? given.substring(0, 40) + "..." : given;
		String example = scalar.getName().equals("Date") ? "2016-05-14" : "2016-05-14T23:10:00Z";
		return "%s: %s is not ISO 8601 like %s".formatted(scalar.getName(), given, example);
	}

	private static String outOfRange(Object value) {
		if (value instanceof OffsetDateTime || value instanceof LocalDate) {
			int year = ((Temporal) value).get(ChronoField.YEAR);
			if (year < 1 || year > 9999) {
				return "is outside the years 0001 to 9999";
			}
		}
		return null;
	}

}
