package org.casegraph.messaging;

import java.util.List;
import java.util.Map;

import org.casegraph.organisation.Officer;
import org.casegraph.organisation.Person;
import org.casegraph.query.Connection;
import org.casegraph.query.EntityKind;
import org.casegraph.query.EntityKinds;
import org.casegraph.query.GraphReader;
import org.casegraph.query.PageRequest;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/**
 * Chat groups and messages: who sent what, to whom, where.
 */
@Controller
class MessagingController implements EntityKinds {

	private static final String MEMBERS = """
			UNWIND $ids AS key
			MATCH (:ChatGroup {id: key})<-[r:IN_GROUP]-(n:Person)
			RETURN key, n, r
			ORDER BY r.from, n.name
			""";

	private static final String MESSAGE_COUNT = """
			UNWIND $ids AS key
			MATCH (g:ChatGroup {id: key})
			RETURN key, COUNT { (g)<-[:POSTED_IN]-(:Message) } AS total
			""";

	private static final String SENDER = """
			UNWIND $ids AS key
			MATCH (:Message {id: key})<-[:SENT]-(n:Person)
			RETURN key, n
			""";

	private static final String RECIPIENTS = """
			UNWIND $ids AS key
			MATCH (:Message {id: key})-[:TO]->(n:Person)
			RETURN key, n
			ORDER BY n.name
			""";

	private static final String CHAT_GROUP = """
			UNWIND $ids AS key
			MATCH (:Message {id: key})-[:POSTED_IN]->(n:ChatGroup)
			RETURN key, n
			""";

	private static final String ACCOUNTS = """
			UNWIND $ids AS key
			MATCH (:Person {id: key})-[:USES]->(n:Account)
			RETURN key, n
			ORDER BY n.kind, n.handle
			""";

	private static final String ACCOUNT_PERSON = """
			UNWIND $ids AS key
			MATCH (:Account {id: key})<-[:USES]-(n:Person)
			RETURN key, n
			""";

	private final GraphReader reader;

	MessagingController(GraphReader reader) {
		this.reader = reader;
	}

	@Override
	public List<EntityKind> kinds() {
		return List.of(EntityKind.of(ChatGroup.LABEL, ChatGroup::from), EntityKind.of(Message.LABEL, Message::from),
				EntityKind.of(Account.LABEL, Account::from));
	}

	@QueryMapping
	Connection<ChatGroup> chatGroups(@Argument Integer first, @Argument String after,
			@Argument Map<String, Object> where, @Argument PageRequest.Order orderBy) {
		return reader.page(ChatGroup.LABEL, PageRequest.of(first, after, where, orderBy), ChatGroup::from);
	}

	@QueryMapping
	Connection<Message> messages(@Argument Integer first, @Argument String after, @Argument Map<String, Object> where,
			@Argument PageRequest.Order orderBy) {
		return reader.page(Message.LABEL, PageRequest.of(first, after, where, orderBy), Message::from);
	}

	@BatchMapping
	Map<ChatGroup, List<ChatGroupMember>> members(List<ChatGroup> groups) {
		var loaded = reader.grouped(MEMBERS, groups.stream().map(ChatGroup::id).toList(), ChatGroupMember::from);
		return GraphReader.listsByParent(groups, ChatGroup::id, loaded);
	}

	@BatchMapping
	Map<ChatGroup, Long> messageCount(List<ChatGroup> groups) {
		var loaded = reader.single(MESSAGE_COUNT, groups.stream().map(ChatGroup::id).toList(),
				record -> record.get("total").asLong());
		return GraphReader.byParent(groups, ChatGroup::id, loaded);
	}

	@BatchMapping(typeName = "Person", field = "accounts")
	Map<Person, List<Account>> personAccounts(List<Person> people) {
		return reader.children(ACCOUNTS, people, Account::from);
	}

	@BatchMapping(typeName = "Officer", field = "accounts")
	Map<Officer, List<Account>> officerAccounts(List<Officer> officers) {
		return reader.children(ACCOUNTS, officers, Account::from);
	}

	@BatchMapping(typeName = "Account", field = "person")
	Map<Account, Person> accountPerson(List<Account> accounts) {
		return reader.child(ACCOUNT_PERSON, accounts, Person::from);
	}

	@BatchMapping
	Map<Message, Person> sender(List<Message> messages) {
		return reader.child(SENDER, messages, Person::from);
	}

	@BatchMapping
	Map<Message, List<Person>> recipients(List<Message> messages) {
		return reader.children(RECIPIENTS, messages, Person::from);
	}

	@BatchMapping
	Map<Message, ChatGroup> chatGroup(List<Message> messages) {
		return reader.child(CHAT_GROUP, messages, ChatGroup::from);
	}

}
