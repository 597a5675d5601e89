package dev.hexcore.bootstrap.wiring;

import dev.hexcore.adapters.documents.image.ImageIoUploadedImages;
import dev.hexcore.application.upload.ImageUploadService;
import dev.hexcore.application.upload.UploadImageUseCase;
import dev.hexcore.domain.port.FileStorage;
import io.quarkus.runtime.configuration.MemorySize;
import jakarta.enterprise.inject.Produces;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Singleton;
import java.util.random.RandomGenerator;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Image uploads (seed 004): ImageIO cleaning and the shared file storage. */
public class UploadWiring {
    @Produces
    @Singleton
    @Typed(UploadImageUseCase.class)
    ImageUploadService imageUploads(FileStorage storage, RandomGenerator secureRandom,
                                    @ConfigProperty(name = "hexcore.uploads.max-image-size", defaultValue = "10M") MemorySize maxSize,
                                    @ConfigProperty(name = "hexcore.uploads.max-image-pixels", defaultValue = "40000000") long maxPixels,
                                    @ConfigProperty(name = "hexcore.uploads.max-image-side", defaultValue = "10000") int maxSide) {
        return new ImageUploadService(new ImageIoUploadedImages(maxPixels, maxSide), storage, secureRandom,
                maxSize.asLongValue());
    }
}
