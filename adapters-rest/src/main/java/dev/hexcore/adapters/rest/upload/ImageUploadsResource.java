package dev.hexcore.adapters.rest.upload;

import dev.hexcore.application.upload.UploadImageUseCase;
import dev.hexcore.application.upload.UploadImageUseCase.StoredImage;
import dev.hexcore.domain.shared.InvalidValueException;
import dev.hexcore.domain.shared.NotFoundException;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/**
 * Seed 004's image uploads: {@code POST /api/v1/upload/image} (the seed's route; {@code /api/v1/uploads/images} is the
 * conventions.md spelling) and {@code GET /api/v1/uploads/images/{name}}, cached for good: a name never changes its
 * content. The upload routes take bodies up to 11 MB at the edge ({@code hexcore.http.upload-paths}); the file itself
 * may have 10 MB.
 */
@Path("/api/v1")
@Tag(name = "uploads", description = "Product images")
public class ImageUploadsResource {
    static final String URL_PREFIX = "/api/v1/uploads/images/";
    private static final String CACHE_FOREVER = "public, max-age=31536000, immutable";
    private static final String UPLOADED = "{\"url\":\"/api/v1/uploads/images/q3V9tYgS0m1xQ2w7ZkP4aA.jpg\",\"width\":1200,"
            + "\"height\":800,\"size\":183422,\"content_type\":\"image/jpeg\"}";

    @RegisterForReflection
    public record UploadedImageResponse(String url, int width, int height, long size, String contentType) {
        static UploadedImageResponse from(StoredImage image) {
            return new UploadedImageResponse(URL_PREFIX + image.name(), image.width(), image.height(), image.size(),
                    image.contentType());
        }
    }

    private final UploadImageUseCase uploads;

    public ImageUploadsResource(UploadImageUseCase uploads) {
        this.uploads = uploads;
    }

    @POST
    @Path("/upload/image")
    @Authenticated
    @SecurityRequirement(name = "bearer")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "uploadImage", summary = "Upload a JPEG, PNG or WebP image (multipart field file, at most "
            + "10 MB and 40 megapixels, 10 000 px a side); it is re-encoded without metadata (WebP as PNG)")
    @APIResponse(responseCode = "201", description = "Stored", content = @Content(
            schema = @Schema(implementation = UploadedImageResponse.class), examples = @ExampleObject(name = "image", value = UPLOADED)))
    @APIResponse(responseCode = "413", description = "PAYLOAD_TOO_LARGE: more than 10 MB")
    @APIResponse(responseCode = "415", description = "UNSUPPORTED_MEDIA_TYPE: the bytes are no JPEG, PNG or WebP")
    @APIResponse(responseCode = "422", description = "VALIDATION_FAILED: no file, a broken image, or too many pixels")
    public Response upload(@RestForm("file") FileUpload file) {
        if (file == null || file.uploadedFile() == null) throw new InvalidValueException("file", "is required");
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file.uploadedFile());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the uploaded file", e);
        }
        UploadedImageResponse body = UploadedImageResponse.from(uploads.upload(bytes));
        return Response.status(Response.Status.CREATED).header("Location", body.url()).entity(body).build();
    }

    @POST
    @Path("/uploads/images")
    @Authenticated
    @SecurityRequirement(name = "bearer")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "uploadImageAtUploads", summary = "Same as POST /api/v1/upload/image (the path conventions.md lists)")
    @APIResponse(responseCode = "201", description = "Stored", content = @Content(
            schema = @Schema(implementation = UploadedImageResponse.class), examples = @ExampleObject(name = "image", value = UPLOADED)))
    @APIResponse(responseCode = "413", description = "PAYLOAD_TOO_LARGE: more than 10 MB")
    @APIResponse(responseCode = "415", description = "UNSUPPORTED_MEDIA_TYPE: the bytes are no JPEG, PNG or WebP")
    @APIResponse(responseCode = "422", description = "VALIDATION_FAILED: no file, a broken image, or too many pixels")
    public Response uploadAtUploads(@RestForm("file") FileUpload file) {
        return upload(file);
    }

    @GET
    @Path("/uploads/images/{name}")
    @Produces({"image/png", "image/jpeg"})
    @Operation(operationId = "getUploadedImage", summary = "An uploaded image; cached for a year (immutable, ETag)")
    @APIResponse(responseCode = "200", description = "The image", content = {
            @Content(mediaType = "image/png", schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING, format = "binary")),
            @Content(mediaType = "image/jpeg", schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING, format = "binary"))})
    @APIResponse(responseCode = "304", description = "Not modified (If-None-Match matched)")
    @APIResponse(responseCode = "404", description = "No such image")
    public Response get(@RestPath String name, @HeaderParam("If-None-Match") String ifNoneMatch) throws IOException {
        var image = uploads.open(name).orElseThrow(() -> new NotFoundException("Image"));
        EntityTag tag = new EntityTag(name);
        if (ifNoneMatch != null && (ifNoneMatch.contains(tag.toString()) || ifNoneMatch.trim().equals("*"))) {
            image.bytes().close();
            return Response.notModified(tag).header("Cache-Control", CACHE_FOREVER).build();
        }
        return Response.ok(image.bytes(), image.contentType()).tag(tag).header("Cache-Control", CACHE_FOREVER).build();
    }
}
