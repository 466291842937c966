package org.casegraph.messaging;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import graphql.schema.DataFetchingEnvironment;
import org.casegraph.neo4j.CypherScript;
import org.casegraph.organisation.Officer;
import org.casegraph.organisation.Person;
import org.casegraph.query.Connection;
import org.casegraph.query.EntityKind;
import org.casegraph.query.EntityKinds;
import org.casegraph.query.GraphReader;
import org.casegraph.query.Hop;
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

	private static final String MEMBERS = CypherScript.load("cypher/messaging/group-members.cypher").single();

	private static final String MESSAGE_COUNT = CypherScript.load("cypher/messaging/group-message-counts.cypher")
		.single();

	private static final String SENDER = Hop.from("Message").in("SENT").to("Person").cypher();

	private static final String SENDER_ACCOUNT = Hop.from("Message").in("SENT").to("Account").cypher();

	private static final String RECIPIENTS = Hop.from("Message").out("TO").to("Person").orderBy("name").cypher();

	private static final String CHAT_GROUP = Hop.from("Message").out("POSTED_IN").to("ChatGroup").cypher();

	private static final String IN_REPLY_TO = Hop.from("Message").out("IN_REPLY_TO").to("Message").cypher();

	private static final String ACCOUNTS = Hop.from("Person")
		.out("USES")
		.to("Account")
		.orderBy("kind", "handle")
		.cypher();

	private static final String ACCOUNT_PERSON = Hop.from("Account").in("USES").to("Person").cypher();

	private final GraphReader reader;

	private final Conversation conversation;

	MessagingController(GraphReader reader, Conversation conversation) {
		this.reader = reader;
		this.conversation = conversation;
	}

	@QueryMapping
	Connection<Message> conversation(@Argument List<String> between, @Argument String group,
			@Argument OffsetDateTime from, @Argument OffsetDateTime to, @Argument String around, @Argument int context,
			@Argument Integer first, @Argument String after) {
		return conversation.read(new Conversation.Request(between, group, from, to, around, context, first, after));
	}

	@Override
	public List<EntityKind> kinds() {
		return List.of(EntityKind.of(ChatGroup.LABEL, ChatGroup::from), EntityKind.of(Message.LABEL, Message::from),
				EntityKind.of(Account.LABEL, Account::from));
	}

	@QueryMapping
	Connection<ChatGroup> chatGroups(@Argument Integer first, @Argument String after,
			@Argument Map<String, Object> where, @Argument PageRequest.Order orderBy, DataFetchingEnvironment env) {
		return reader.page(ChatGroup.LABEL, PageRequest.of(first, after, where, orderBy), ChatGroup::from, env);
	}

	@QueryMapping
	Connection<Message> messages(@Argument Integer first, @Argument String after, @Argument Map<String, Object> where,
			@Argument PageRequest.Order orderBy, DataFetchingEnvironment env) {
		return reader.page(Message.LABEL, PageRequest.of(first, after, where, orderBy), Message::from, env);
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
	Map<Message, Account> senderAccount(List<Message> messages) {
		return reader.child(SENDER_ACCOUNT, messages, Account::from);
	}

	@BatchMapping
	Map<Message, List<Person>> recipients(List<Message> messages) {
		return reader.children(RECIPIENTS, messages, Person::from);
	}

	@BatchMapping
	Map<Message, ChatGroup> chatGroup(List<Message> messages) {
		return reader.child(CHAT_GROUP, messages, ChatGroup::from);
	}

	@BatchMapping
	Map<Message, Message> inReplyTo(List<Message> messages) {
		return reader.child(IN_REPLY_TO, messages, Message::from);
	}

}
