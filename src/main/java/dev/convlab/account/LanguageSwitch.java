package dev.convlab.account;

import dev.convlab.i18n.Language;
import dev.convlab.platform.ProblemException;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;

/**
 * The header's language switch: keeps the choice on this browser (a cookie) and, for a logged-in learner, with the
 * account, then goes back to the page it was on.
 */
@Path("/language")
public class LanguageSwitch {

    @Inject
    CurrentUser currentUser;

    @Inject
    AccountService accounts;

    @Inject
    SessionCookies cookies;

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response choose(@FormParam("language") String tag, @FormParam("next") String next) {
        Language language = Language.ofTag(tag).orElseThrow(() -> ProblemException.badLanguage("language"));
        currentUser.accountId().ifPresent(accountId -> accounts.chooseLanguage(accountId, language));
        return Response.seeOther(URI.create(AccountPages.safeNext(next))).cookie(cookies.language(language)).build();
    }
}
