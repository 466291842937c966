package org.casegraph.security;

import java.io.IOException;
import java.net.InetAddress;
import java.util.List;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@code local} mode: a request from this machine (loopback) without credentials runs as
 * the principal {@code local} with {@code casegraph.security.local-roles}. A request from
 * anywhere else stays unauthenticated, and is refused.
 */
class LocalCallerFilter extends OncePerRequestFilter {

	/** Compiled once: it is matched on every request. */
	private static final Pattern IP_LITERAL = Pattern.compile("[0-9.]+|[0-9a-fA-F:]+");

	private final List<SimpleGrantedAuthority> authorities;

	LocalCallerFilter(List<Role> roles) {
		this.authorities = roles.stream().map(role -> new SimpleGrantedAuthority(role.authority())).toList();
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (SecurityContextHolder.getContext().getAuthentication() == null && loopback(request.getRemoteAddr())) {
			var local = UsernamePasswordAuthenticationToken.authenticated("local", null, authorities);
			local.setDetails(new Loopback(request.getRemoteAddr()));
			SecurityContextHolder.getContext().setAuthentication(local);
		}
		chain.doFilter(request, response);
	}

	@Override
	protected boolean shouldNotFilterAsyncDispatch() {
		return false;
	}

	static boolean loopback(String address) {
		// Only IP literals: a name would make this a DNS lookup.
		if (address == null || !IP_LITERAL.matcher(address).matches()) {
			return false;
		}
		try {
			return InetAddress.getByName(address).isLoopbackAddress();
		}
		catch (java.net.UnknownHostException ex) {
			return false;
		}
	}

	/**
	 * How a local caller was recognised.
	 *
	 * @param address the loopback address the request came from
	 */
	record Loopback(String address) {
	}

}
