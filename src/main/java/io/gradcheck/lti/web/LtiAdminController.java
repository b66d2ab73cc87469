package io.gradcheck.lti.web;

import io.gradcheck.lti.InvalidLtiRequest;
import io.gradcheck.lti.Passbacks;
import io.gradcheck.lti.Platform;
import io.gradcheck.lti.Platforms;
import io.gradcheck.lti.ToolKeys;
import io.gradcheck.errors.NotFound;
import io.gradcheck.web.ProblemTypes;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Instructor/administrator API for LTI: platform registrations, the passback queue, key rotation. */
@RestController
@Tag(name = "LTI")
@SecurityRequirement(name = "apiKey")
class LtiAdminController {

    private static final String PLATFORMS = "/api/v1/lti/platforms";

    private final Platforms platforms;
    private final Passbacks passbacks;
    private final ToolKeys keys;

    LtiAdminController(Platforms platforms, Passbacks passbacks, ToolKeys keys) {
        this.platforms = platforms;
        this.passbacks = passbacks;
        this.keys = keys;
    }

    @GetMapping(path = PLATFORMS, produces = "application/json")
    @Operation(operationId = "listLtiPlatforms", summary = "List registered LMS platforms (instructor key)")
    List<Platform> list(HttpServletRequest request) {
        return platforms.list();
    }

    @GetMapping(path = PLATFORMS + "/{id}", produces = "application/json")
    @Operation(operationId = "getLtiPlatform", summary = "One registered platform (instructor key)")
    Platform get(@PathVariable long id, HttpServletRequest request) {
        return platforms.get(id);
    }

    @PostMapping(PLATFORMS)
    @ResponseStatus(HttpStatus.CREATED)
    @ApiResponse(responseCode = "201", description = "Registered")
    @Operation(operationId = "registerLtiPlatform", summary = "Register an LMS platform (instructor key)", description = "The values come from the LMS "
            + "when the tool is added there: issuer, the client id it gave gradcheck, the deployment ids, and its "
            + "authorization (OIDC auth), token and JWKS URLs. 409 when this issuer and client id are registered.")
    ResponseEntity<Platform> create(@RequestBody Platforms.Registration body, HttpServletRequest request) {
        Platform p = platforms.create(body, "api");
        return ResponseEntity.created(URI.create(PLATFORMS + "/" + p.id())).body(p);
    }

    @PutMapping(PLATFORMS + "/{id}")
    @Operation(operationId = "replaceLtiPlatform", summary = "Replace a platform's registration (instructor key)")
    Platform replace(@PathVariable long id, @RequestBody Platforms.Registration body, HttpServletRequest request) {
        return platforms.replace(id, body);
    }

    @DeleteMapping(PLATFORMS + "/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @ApiResponse(responseCode = "204", description = "Removed")
    @Operation(operationId = "deleteLtiPlatform", summary = "Remove a platform with its launch contexts and queued passbacks (instructor key)")
    ResponseEntity<Void> delete(@PathVariable long id, HttpServletRequest request) {
        platforms.delete(id);
        return ResponseEntity.noContent().build();
    }

    @GetMapping(path = "/api/v1/lti/passbacks", produces = "application/json")
    @Operation(operationId = "listLtiPassbacks", summary = "Grade passbacks waiting or failed (instructor key)", description = "Without status: pending "
            + "and failed ones. Each says how often it was tried, when it is tried next and the last error.")
    List<Passbacks.View> passbacks(@Parameter(description = "only passbacks in this status", schema = @Schema(
            allowableValues = {"pending", "failed", "sent"})) @RequestParam(required = false) String status,
            HttpServletRequest request) {
        if (status != null && !LtiSchemas.PASSBACK_STATUSES.contains(status)) {
            throw new InvalidLtiRequest(List.of("status must be pending, failed or sent"));
        }
        return passbacks.list(status, 500);
    }

    @PostMapping("/api/v1/lti/passbacks/{id}/retry")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @ApiResponse(responseCode = "204", description = "Queued again")
    @Operation(operationId = "retryLtiPassback", summary = "Queue a failed passback again, due now (instructor key)")
    ResponseEntity<Void> retry(@PathVariable long id, HttpServletRequest request) {
        if (!passbacks.retry(id)) {
            throw new NotFound("there is no failed passback " + id);
        }
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/v1/lti/keys")
    @Operation(operationId = "rotateLtiKey", summary = "Rotate the tool's signing key (instructor key)", description = "A new key signs from now "
            + "on; the previous one stays published at /lti/jwks; older ones are withdrawn.")
    Map<String, String> rotate(HttpServletRequest request) {
        return Map.of("kid", keys.rotate().getKeyID());
    }

    @ExceptionHandler(InvalidLtiRequest.class)
    ProblemDetail invalid(InvalidLtiRequest e) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        p.setType(ProblemTypes.of("invalid-lti-request"));
        p.setTitle("The LTI request is not valid");
        p.setProperty("errors", e.errors());
        return p;
    }
}
