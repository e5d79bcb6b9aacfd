DESCRIBE QUERY SELECT * FROM (SELECT * FROM `legacy`.`orders` AS recon_base
WHERE (region = 'EU')
  AND (order_date >= DATE '2024-01-01')) AS recon_describe;
