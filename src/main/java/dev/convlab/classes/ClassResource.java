package dev.convlab.classes;

import dev.convlab.account.CurrentUser;
import dev.convlab.classes.ClassService.Reader;
import dev.convlab.i18n.Text;
import dev.convlab.platform.PlatformErrors;
import dev.convlab.platform.ProblemException;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;

/** Classes as JSON: start and change them, their codes and rosters, join and leave. Unsafe calls need the CSRF token. */
@Path("/api/classes")
@Authenticated
public class ClassResource {

    /** A typed join code, as the learner has it ("ABCDE-FGHJK", any case). */
    public record JoinRequest(String code) {}

    public record Joining(Boolean open) {}

    public record Archiving(Boolean archived) {}

    public record NewInstructor(String email) {}

    @Inject
    ClassService classes;

    @Inject
    JoinLimit joinLimit;

    @Inject
    CurrentUser currentUser;

    /** The classes the reader teaches or is in; for the site administrator, every class. */
    @GET
    public List<ClassView> mine() {
        return classes.mine(reader());
    }

    /** Starts a class; the caller is its instructor. Only the site administrator and instructors of a class may. */
    @POST
    public Response create(ClassSettings settings) {
        ClassView created = classes.create(reader(), settings);
        return Response.created(URI.create("/api/classes/" + created.id())).entity(created).build();
    }

    /** Joins the class a code opens, as a learner; unknown codes are rate-limited per client address. */
    @POST
    @Path("/join")
    public ClassView join(JoinRequest request) {
        if (request == null || request.code() == null || request.code().isBlank()) {
            throw ProblemException.required("code");
        }
        Reader reader = reader();
        return joinLimit.attempt(() -> classes.join(reader, request.code()));
    }

    @GET
    @Path("/{id}")
    public ClassView one(@PathParam("id") long id) {
        return classes.view(id, reader());
    }

    /** Replaces the settings: name, term, endsOn, privacy, onSiteBoard. */
    @PUT
    @Path("/{id}")
    public ClassView update(@PathParam("id") long id, ClassSettings settings) {
        return classes.update(id, reader(), settings);
    }

    /** A new join code; the old code and its link stop working. */
    @POST
    @Path("/{id}/code")
    public ClassView rotateCode(@PathParam("id") long id) {
        return classes.rotateCode(id, reader());
    }

    /** Opens or closes joining. */
    @PUT
    @Path("/{id}/joining")
    public ClassView joining(@PathParam("id") long id, Joining joining) {
        if (joining == null || joining.open() == null) {
            throw ProblemException.badField("open", Text.of(PlatformErrors.class, PlatformErrors::trueOrFalse));
        }
        return classes.setJoining(id, reader(), joining.open());
    }

    /** Archives the class (read-only; its dashboard, leaderboard and exports stay as they were) or unarchives it. */
    @PUT
    @Path("/{id}/archived")
    public ClassView archived(@PathParam("id") long id, Archiving archiving) {
        if (archiving == null || archiving.archived() == null) {
            throw ProblemException.badField("archived", Text.of(PlatformErrors.class, PlatformErrors::trueOrFalse));
        }
        return classes.setArchived(id, reader(), archiving.archived());
    }

    @GET
    @Path("/{id}/members")
    public List<Member> members(@PathParam("id") long id) {
        return classes.members(id, reader());
    }

    /** Adds a co-instructor by the e-mail of their ConvLab account. */
    @POST
    @Path("/{id}/instructors")
    public Response addInstructor(@PathParam("id") long id, NewInstructor request) {
        Member added = classes.addInstructor(id, reader(), request == null ? null : request.email());
        return Response.status(201).entity(added).build();
    }

    @DELETE
    @Path("/{id}/members/{accountId}")
    public Response removeMember(@PathParam("id") long id, @PathParam("accountId") long accountId) {
        classes.removeMember(id, reader(), accountId);
        return Response.noContent().build();
    }

    /** The caller leaves the class. */
    @DELETE
    @Path("/{id}/membership")
    public Response leave(@PathParam("id") long id) {
        classes.leave(id, reader());
        return Response.noContent().build();
    }

    private Reader reader() {
        return Reader.of(currentUser);
    }
}
