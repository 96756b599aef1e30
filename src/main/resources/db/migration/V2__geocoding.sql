-- The local geocoder's gazetteer (geocoding module). Streets are normalised text such as 'S SAWYER AVE'.

-- Hundred blocks fitted from sightings: the segment the sightings outline and their centroid.
create table geocoding_block (
    street       varchar(200)     not null,
    block_number integer          not null check (block_number >= 0),
    sightings    integer          not null check (sightings > 0),
    centroid_lat double precision not null,
    centroid_lon double precision not null,
    -- sums of squared deviations from the centroid (degrees²), so that later sightings refine the fit
    m_lat_lat    double precision not null,
    m_lon_lon    double precision not null,
    m_lat_lon    double precision not null,
    end1_lat     double precision not null,
    end1_lon     double precision not null,
    end2_lat     double precision not null,
    end2_lon     double precision not null,
    primary key (street, block_number)
);

-- Address points (OpenAddresses layout), one per street and house number.
create table geocoding_address_point (
    street       varchar(200)     not null,
    house_number integer          not null check (house_number >= 0),
    latitude     double precision not null,
    longitude    double precision not null,
    primary key (street, house_number)
);
