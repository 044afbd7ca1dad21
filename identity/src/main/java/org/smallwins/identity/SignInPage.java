package org.smallwins.identity;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.MediaType;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/** The development sign-in page: one field, a user name. */
@RestController
class SignInPage {

    @GetMapping(value = "/login", produces = MediaType.TEXT_HTML_VALUE)
    String page(HttpServletRequest request) {
        CsrfToken csrf = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
        boolean error = request.getParameter("error") != null;
        return """
                <!doctype html>
                <html lang="en">
                <head>
                <meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <title>Sign in · Small Wins</title>
                <style>
                :root { color-scheme: light dark; font-family: system-ui, sans-serif; }
                body { margin: 0; background: Canvas; color: CanvasText; }
                main { max-width: 28rem; margin: 3rem auto; padding: 0 1rem; }
                label { display: block; margin: 1rem 0 .25rem; font-weight: 600; }
                input, button { font: inherit; padding: .6rem .8rem; width: 100%%; box-sizing: border-box; }
                button { margin-top: 1rem; cursor: pointer; }
                :focus-visible { outline: 3px solid #2a6fdb; outline-offset: 2px; }
                .note { font-size: .95rem; }
                </style>
                </head>
                <body>
                <main>
                <h1>Sign in to Small Wins</h1>
                <p class="note">Development mode: a user name is all it takes. Your journal is the one with that name.</p>
                %s
                <form method="post" action="/login">
                <label for="username">Your user name</label>
                <input id="username" name="username" autocomplete="username" required autofocus
                       pattern="[A-Za-z0-9._\\-]{1,64}" aria-describedby="rule">
                <p id="rule" class="note">Letters, digits, '.', '_' or '-'.</p>
                <input type="hidden" name="%s" value="%s">
                <button type="submit">Sign in</button>
                </form>
                </main>
                </body>
                </html>
                """.formatted(
                error ? "<p role=\"alert\">That name did not work: use letters, digits, '.', '_' or '-'.</p>" : "",
                HtmlUtils.htmlEscape(csrf.getParameterName()),
                HtmlUtils.htmlEscape(csrf.getToken()));
    }
}
